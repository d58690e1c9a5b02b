import { isJsonObject } from "../wire/is-json-object.js";

/**
 * What Claude's constrained-decoding compiler says about a JSON schema (native structured output
 * or a strict tool): nothing, a keyword it does not support (a 400 in its own words), or a
 * recursive `$ref` (recorded as a 500 from the service, not a validation error).
 */
export type ClaudeSchemaVerdict = { kind: "ok" } | { kind: "unsupported"; detail: string } | { kind: "recursive" };

type Json = Record<string, unknown>;

// Recorded: multipleOf on integers, maxItems on arrays, minItems above 1. The other numeric bounds
// and maxLength are in the same documented "not supported" group and are refused the same way.
const UNSUPPORTED_BY_TYPE: Record<string, readonly string[]> = {
  integer: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
  number: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
  array: ["maxItems"],
  string: ["maxLength"],
};

function typeOf(schema: Json): string | undefined {
  const type = schema["type"];
  if (typeof type === "string") return type;
  if (Array.isArray(type)) return type.find((entry): entry is string => typeof entry === "string" && entry !== "null");
  return undefined;
}

function definitionName(reference: unknown): string | undefined {
  if (typeof reference !== "string") return undefined;
  return /^#\/(?:\$defs|definitions)\/(.+)$/.exec(reference)?.[1];
}

function childSchemas(schema: Json): unknown[] {
  const children: unknown[] = [];
  for (const key of ["properties", "$defs", "definitions"]) if (isJsonObject(schema[key])) children.push(...Object.values(schema[key]));
  for (const key of ["anyOf", "allOf", "oneOf", "prefixItems"]) if (Array.isArray(schema[key])) children.push(...(schema[key] as unknown[]));
  for (const key of ["items", "additionalProperties", "not"]) if (isJsonObject(schema[key])) children.push(schema[key]);
  return children;
}

function firstUnsupported(schema: unknown): string | undefined {
  if (!isJsonObject(schema)) return undefined;
  const type = typeOf(schema);
  if (type !== undefined) {
    for (const keyword of UNSUPPORTED_BY_TYPE[type] ?? []) {
      if (schema[keyword] !== undefined) return `For '${type}' type, property '${keyword}' is not supported`;
    }
    const minItems = schema["minItems"];
    if (type === "array" && typeof minItems === "number" && minItems !== 0 && minItems !== 1) {
      return `For 'array' type, 'minItems' values other than 0 or 1 are not supported (got: [${minItems}])`;
    }
  }
  for (const child of childSchemas(schema)) {
    const found = firstUnsupported(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

function referencesIn(schema: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(schema)) schema.forEach((item) => referencesIn(item, into));
  else if (isJsonObject(schema)) {
    const name = definitionName(schema["$ref"]);
    if (name !== undefined) into.add(name);
    for (const [key, value] of Object.entries(schema)) if (key !== "$defs" && key !== "definitions") referencesIn(value, into);
  }
  return into;
}

function isRecursive(root: Json): boolean {
  const definitions: Json = { ...(isJsonObject(root["definitions"]) ? root["definitions"] : {}), ...(isJsonObject(root["$defs"]) ? root["$defs"] : {}) };
  const visiting = new Set<string>();
  const done = new Set<string>();
  const cycleFrom = (name: string): boolean => {
    if (visiting.has(name)) return true;
    if (done.has(name) || !Object.hasOwn(definitions, name)) return false;
    visiting.add(name);
    const cyclic = [...referencesIn(definitions[name], new Set())].some(cycleFrom);
    visiting.delete(name);
    done.add(name);
    return cyclic;
  };
  return [...referencesIn(root, new Set())].some(cycleFrom);
}

/**
 * Judges a JSON schema as Claude's structured-output compiler does: recursive definitions are
 * refused (the service answers 500), and so are the value constraints it cannot compile into a
 * grammar (numeric bounds, `multipleOf`, `maxItems`, `maxLength`, `minItems` other than 0 or 1).
 *
 * @example
 * claudeSchemaVerdict({ type: "object", properties: { n: { type: "integer", multipleOf: 5 } } });
 * // { kind: "unsupported", detail: "For 'integer' type, property 'multipleOf' is not supported" }
 */
export function claudeSchemaVerdict(schema: unknown): ClaudeSchemaVerdict {
  if (isJsonObject(schema) && isRecursive(schema)) return { kind: "recursive" };
  const detail = firstUnsupported(schema);
  return detail === undefined ? { kind: "ok" } : { kind: "unsupported", detail };
}
