import { ConfigurationError } from "@sluice/core";
import { zodToJsonSchema } from "zod-to-json-schema";
import { toJSONSchema } from "zod/v4/core";
import { inlineReferences } from "./inline-references.js";
import { schemaKind } from "./schema-kind.js";
import type { JsonSchemaObject } from "./schema-types.js";

type JsonObject = Record<string, unknown>;

/**
 * The schema of a tool without parameters: Bedrock wants an object schema even then.
 *
 * @example
 * emptyObjectSchema; // { type: "object", properties: {} }
 */
export const emptyObjectSchema: JsonSchemaObject = Object.freeze({ type: "object", properties: {} });

/**
 * Builds the JSON Schema for a tool's `toolSpec.inputSchema.json` the way Bedrock accepts it:
 * `type: "object"` at the top, no `$schema`, no `$ref` / `$defs` / `definitions`. zod 4 schemas
 * go through zod's own JSON Schema export (describing the input side, so defaults stay
 * optional), zod 3 schemas through zod-to-json-schema, and a JSON Schema is copied and cleaned.
 * No schema means a tool without parameters. Throws a `ConfigurationError` for anything else.
 *
 * @example
 * toToolJsonSchema(z.object({ city: z.string() }), "get_weather");
 * // { type: "object", properties: { city: { type: "string" } }, required: ["city"] }
 */
export function toToolJsonSchema(schema: unknown, toolName: string, role: "input" | "output" = "input"): JsonSchemaObject {
  const owner = `The ${role} schema of tool "${toolName}"`;
  if (schema === undefined) return { ...emptyObjectSchema, properties: {} };
  const generated = generate(schema, owner, role);
  const { $schema: _ignored, ...rest } = generated;
  const json = withoutSafeIntegerBounds(inlineReferences(rest, owner));
  if (json["type"] !== "object") {
    throw new ConfigurationError(
      `${owner} describes ${describeTop(json)}, but Bedrock needs an object at the top of a tool's input. ` +
        "Wrap the value in z.object({ ... }) (or give a JSON Schema with type: \"object\").",
    );
  }
  if (json["properties"] === undefined && json["additionalProperties"] === undefined) json["properties"] = {};
  return json as JsonSchemaObject;
}

function generate(schema: unknown, owner: string, role: "input" | "output"): JsonObject {
  const kind = schemaKind(schema);
  try {
    if (kind === "zod4") {
      const parameters = { io: role, unrepresentable: "any", target: "draft-07" } as const;
      const own = (schema as { toJSONSchema?: (options: typeof parameters) => JsonObject }).toJSONSchema;
      // A schema's own method uses the zod copy that built it; zod/mini schemas have none.
      return typeof own === "function" ? own.call(schema, parameters) : (toJSONSchema(schema as never, parameters) as JsonObject);
    }
    if (kind === "zod3") {
      const strategy = role === "input" ? "input" : "all";
      return zodToJsonSchema(schema as never, {
        $refStrategy: "none",
        target: "jsonSchema7",
        pipeStrategy: strategy,
        effectStrategy: role === "input" ? "input" : "any",
      }) as JsonObject;
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ConfigurationError(`${owner} cannot be turned into JSON Schema: ${detail}. Use types that JSON can carry.`);
  }
  if (kind === "json-schema") return copyJson(schema as JsonObject, owner);
  throw new ConfigurationError(
    `${owner} is neither a zod schema (zod 3 or 4) nor a JSON Schema object. Pass z.object({ ... }) or { type: "object", properties: { ... } }.`,
  );
}

function copyJson(schema: JsonObject, owner: string): JsonObject {
  try {
    return JSON.parse(JSON.stringify(schema)) as JsonObject;
  } catch (error) {
    throw new ConfigurationError(`${owner} is not plain JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/** zod 4 marks `.int()` with ±2^53−1 bounds: true, but noise in every prompt. */
function withoutSafeIntegerBounds(node: JsonObject): JsonObject {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (typeof value !== "object" || value === null) return value;
    const copy: JsonObject = {};
    for (const [key, entry] of Object.entries(value)) {
      if (key === "minimum" && entry === Number.MIN_SAFE_INTEGER) continue;
      if (key === "maximum" && entry === Number.MAX_SAFE_INTEGER) continue;
      copy[key] = visit(entry);
    }
    return copy;
  };
  return visit(node) as JsonObject;
}

function describeTop(json: JsonObject): string {
  if (typeof json["type"] === "string") return `a value of type "${json["type"]}"`;
  if (Array.isArray(json["anyOf"]) || Array.isArray(json["oneOf"])) return "a union";
  return "no object";
}
