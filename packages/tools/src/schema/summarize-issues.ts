import type { SchemaIssue } from "./validate-value.js";

/**
 * Turns zod issues (zod 3 or zod 4) into one short line a model can act on, e.g.
 * `city: expected string, received number; days: must be at most 7`. The input is used to say
 * what was received, which zod 4 leaves out of its issues. At most `limit` issues are listed.
 *
 * @example
 * summarizeIssues(result.error.issues, { city: 3 }); // "city: expected string, received number"
 */
export function summarizeIssues(issues: readonly SchemaIssue[], input: unknown, limit = 8): string {
  const parts = issues.slice(0, limit).map((issue) => `${formatPath(issue.path)}: ${describeIssue(issue, valueAt(input, issue.path))}`);
  if (issues.length > limit) parts.push(`and ${issues.length - limit} more`);
  return parts.join("; ");
}

function describeIssue(issue: SchemaIssue, received: { found: boolean; value: unknown }): string {
  const field = (name: string) => issue[name];
  switch (issue.code) {
    case "invalid_type": {
      if (!received.found || received.value === undefined) return `is required (expected ${nameOfType(field("expected"))})`;
      return `expected ${nameOfType(field("expected"))}, received ${describeValue(received.value)}`;
    }
    case "invalid_literal":
      return `must be ${JSON.stringify(field("expected"))}`;
    case "invalid_enum_value":
      return `must be one of ${listValues(field("options"))}, received ${describeValue(received.value)}`;
    case "invalid_value": {
      const values = Array.isArray(field("values")) ? (field("values") as unknown[]) : [];
      return values.length === 1 ? `must be ${JSON.stringify(values[0])}` : `must be one of ${listValues(values)}, received ${describeValue(received.value)}`;
    }
    case "unrecognized_keys":
      return `unexpected ${plural((field("keys") as unknown[] | undefined)?.length ?? 0, "key")} ${listValues(field("keys"))}`;
    case "invalid_union":
    case "invalid_union_discriminator":
      return `matches none of the allowed shapes`;
    case "too_small":
      return describeBound(issue, "minimum", "at least", "more than");
    case "too_big":
      return describeBound(issue, "maximum", "at most", "less than");
    case "not_multiple_of":
      return `must be a multiple of ${String(field("multipleOf") ?? field("divisor"))}`;
    case "not_finite":
      return "must be a finite number";
    case "invalid_string":
    case "invalid_format":
      return describeFormat(field("validation") ?? field("format"), field("pattern"));
    case "invalid_date":
      return "must be a valid date";
    default:
      return issue.message;
  }
}

function describeBound(issue: SchemaIssue, key: "minimum" | "maximum", inclusiveWord: string, exclusiveWord: string): string {
  const bound = issue[key];
  const shown = typeof bound === "bigint" ? bound.toString() : String(bound);
  const origin = String(issue["origin"] ?? issue["type"] ?? "number");
  const word = issue["exact"] === true ? "exactly" : issue["inclusive"] === false ? exclusiveWord : inclusiveWord;
  const count = Number(bound);
  switch (origin) {
    case "string":
      return `must have ${word} ${shown} ${plural(count, "character")}`;
    case "array":
    case "set":
      return `must have ${word} ${shown} ${plural(count, "item")}`;
    case "date":
      return `must be ${word === inclusiveWord ? (key === "minimum" ? "on or after" : "on or before") : key === "minimum" ? "after" : "before"} ${new Date(Number(bound)).toISOString()}`;
    default:
      return `must be ${word} ${shown}`;
  }
}

function describeFormat(format: unknown, pattern: unknown): string {
  if (format === "regex") return pattern instanceof RegExp || typeof pattern === "string" ? `must match the pattern ${String(pattern)}` : "must match the expected pattern";
  if (typeof format === "string") return `must be a valid ${format}`;
  if (typeof format === "object" && format !== null) {
    const [rule, value] = Object.entries(format)[0] ?? [];
    if (rule === "includes") return `must include ${JSON.stringify(value)}`;
    if (rule === "startsWith") return `must start with ${JSON.stringify(value)}`;
    if (rule === "endsWith") return `must end with ${JSON.stringify(value)}`;
  }
  return "has an invalid format";
}

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): { found: boolean; value: unknown } {
  let current = input;
  for (const key of path) {
    if (typeof current !== "object" || current === null || !(key in current)) return { found: false, value: undefined };
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value: current };
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return "input";
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) text += text === "" ? key : `.${key}`;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text;
}

function nameOfType(expected: unknown): string {
  if (expected === "int" || expected === "integer") return "an integer";
  return String(expected);
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : Number.isInteger(value) ? "number" : `number ${value}`;
  if (typeof value === "string") return value.length <= 40 ? `string ${JSON.stringify(value)}` : "string";
  return typeof value;
}

function listValues(values: unknown): string {
  return Array.isArray(values) ? values.map((value) => JSON.stringify(value)).join(", ") : String(values);
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
