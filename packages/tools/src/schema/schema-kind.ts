import type { JsonSchemaObject, Zod3SchemaLike, Zod4SchemaLike } from "./schema-types.js";

/** Which kind of schema a value is: zod 4, zod 3, a hand-written JSON Schema, or none of these. */
export type SchemaKind = "zod4" | "zod3" | "json-schema" | "unknown";

/**
 * Tells zod 4 from zod 3 from a plain JSON Schema by shape: zod 4 schemas carry `_zod`, zod 3
 * schemas `_def` without `_zod`, and a JSON Schema is a plain object.
 *
 * @example
 * schemaKind(z.object({})); // "zod4"
 * schemaKind({ type: "object", properties: {} }); // "json-schema"
 */
export function schemaKind(value: unknown): SchemaKind {
  if (typeof value !== "object" || value === null) return "unknown";
  if (isZod4Schema(value)) return "zod4";
  if (isZod3Schema(value)) return "zod3";
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null ? "json-schema" : "unknown";
}

/**
 * True for a zod 4 schema (classic, mini, or zod 3.25's `zod/v4`).
 *
 * @example
 * isZod4Schema(z.string()); // true with zod 4
 */
export function isZod4Schema(value: unknown): value is Zod4SchemaLike {
  return typeof value === "object" && value !== null && typeof (value as { _zod?: unknown })._zod === "object";
}

/**
 * True for a zod 3 schema.
 *
 * @example
 * isZod3Schema(z3.string()); // true
 */
export function isZod3Schema(value: unknown): value is Zod3SchemaLike {
  return (
    typeof value === "object" &&
    value !== null &&
    !("_zod" in value) &&
    typeof (value as { _def?: unknown })._def === "object" &&
    typeof (value as { safeParseAsync?: unknown }).safeParseAsync === "function"
  );
}

/**
 * True for a hand-written JSON Schema object.
 *
 * @example
 * isJsonSchemaObject({ type: "object", properties: {} }); // true
 */
export function isJsonSchemaObject(value: unknown): value is JsonSchemaObject {
  return schemaKind(value) === "json-schema";
}
