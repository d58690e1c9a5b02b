import { NativeBodyError } from "./model-family.js";

/**
 * JSON value kinds a native body field may take.
 *
 * @example
 * const kind: JsonKind = "integer";
 */
export type JsonKind = "string" | "integer" | "number" | "boolean" | "array" | "object" | "null";

/**
 * A small JSON-schema subset describing a native request body. Bedrock validates native bodies
 * against JSON schemas and reports violations in the wording of the Java `everit` validator;
 * this reproduces that wording for the rules the families need.
 *
 * @example
 * const schema: BodySchema = { type: "object", required: ["prompt"], properties: { prompt: { type: "string" } } };
 */
export interface BodySchema {
  type?: JsonKind | readonly JsonKind[];
  /** For objects: keys that must be present. */
  required?: readonly string[];
  /** For objects: the allowed keys; any other key is "extraneous" unless `open` is set. */
  properties?: Readonly<Record<string, BodySchema>>;
  /** For objects: accept keys not listed in `properties`. */
  open?: boolean;
  items?: BodySchema;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  enum?: readonly (string | number | boolean)[];
  minLength?: number;
}

const KIND_NAMES: Record<JsonKind, string> = {
  string: "String",
  integer: "Integer",
  number: "Number",
  boolean: "Boolean",
  array: "JSONArray",
  object: "JSONObject",
  null: "null",
};

function kindOf(value: unknown): JsonKind {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  if (typeof value === "string" || typeof value === "boolean" || typeof value === "object") return typeof value as JsonKind;
  return "null";
}

function kindAccepted(actual: JsonKind, expected: JsonKind): boolean {
  return actual === expected || (expected === "number" && actual === "integer");
}

function collectViolations(value: unknown, schema: BodySchema, path: string, out: string[]): void {
  if (schema.type !== undefined) {
    const expected = typeof schema.type === "string" ? [schema.type] : schema.type;
    const actual = kindOf(value);
    if (!expected.some((kind) => kindAccepted(actual, kind))) {
      const wanted = expected.length === 1 ? KIND_NAMES[expected[0] as JsonKind] : `one of [${expected.map((kind) => KIND_NAMES[kind]).join(", ")}]`;
      out.push(`${path}: expected type: ${wanted}, found: ${KIND_NAMES[actual]}`);
      return;
    }
  }
  if (schema.enum !== undefined && !schema.enum.includes(value as string)) {
    out.push(`${path}: ${String(value)} is not a valid enum value`);
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) out.push(`${path}: ${value} is not greater or equal to ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) out.push(`${path}: ${value} is not less or equal to ${schema.maximum}`);
  }
  if (typeof value === "string" && schema.minLength !== undefined && value.length < schema.minLength) {
    out.push(`${path}: expected minLength: ${schema.minLength}, actual: ${value.length}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) out.push(`${path}: expected minimum item count: ${schema.minItems}, found: ${value.length}`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) out.push(`${path}: expected maximum item count: ${schema.maxItems}, found: ${value.length}`);
    if (schema.items !== undefined) value.forEach((item, index) => collectViolations(item, schema.items as BodySchema, `${path}/${index}`, out));
  }
  if (kindOf(value) === "object") collectObjectViolations(value as Record<string, unknown>, schema, path, out);
}

function collectObjectViolations(value: Record<string, unknown>, schema: BodySchema, path: string, out: string[]): void {
  for (const key of schema.required ?? []) {
    if (!(key in value)) out.push(`${path}: required key [${key}] not found`);
  }
  if (schema.properties === undefined) return;
  if (schema.open !== true) {
    for (const key of Object.keys(value)) {
      if (!(key in schema.properties)) out.push(`${path}: extraneous key [${key}] is not permitted`);
    }
  }
  for (const [key, propertySchema] of Object.entries(schema.properties)) {
    if (key in value) collectViolations(value[key], propertySchema, `${path}/${key}`, out);
  }
}

/**
 * Every violation of `schema` in `body`, in the service's order (required keys, extraneous keys,
 * then property by property), each shaped like `#/max_tokens: expected type: Integer, found: String`.
 *
 * @example
 * schemaViolations({ prompt: 1 }, { type: "object", properties: { prompt: { type: "string" } } });
 * // ["#/prompt: expected type: String, found: Integer"]
 */
export function schemaViolations(body: unknown, schema: BodySchema): string[] {
  const out: string[] = [];
  collectViolations(body, schema, "#", out);
  return out;
}

/**
 * The service's ValidationException message for a list of schema violations.
 *
 * @example
 * malformedInputMessage(["#: required key [prompt] not found"]);
 * // "Malformed input request: #: required key [prompt] not found, please reformat your input and try again."
 */
export function malformedInputMessage(violations: readonly string[]): string {
  return `Malformed input request: ${violations.join("")}, please reformat your input and try again.`;
}

/**
 * Throws `NativeBodyError` with the service's wording when `body` breaks `schema`; otherwise
 * narrows it to a plain object.
 *
 * @example
 * assertBody({ inputText: "hi" }, { type: "object", required: ["inputText"], properties: { inputText: { type: "string" } } });
 */
export function assertBody(body: unknown, schema: BodySchema): asserts body is Record<string, unknown> {
  const violations = schemaViolations(body, { type: "object", ...schema });
  if (violations.length > 0) throw new NativeBodyError(malformedInputMessage(violations));
}
