import type { ModelRequest } from "@sluice/core";
import { UnsupportedFeatureError } from "../errors/unsupported-feature-error.js";

/** The JSON schema a request's `outputConfig.textFormat` asks the answer to follow, parsed. */
export interface OutputSchema {
  schema: Record<string, unknown>;
  name: string | undefined;
  description: string | undefined;
}

/**
 * The schema of Converse's native structured output (`outputConfig.textFormat`, the schema sent
 * as a JSON string), for families that take it in their own body; `undefined` without one. A
 * schema that is not a JSON object is refused before the call.
 *
 * @example
 * outputSchemaOf(request, "qwen", "Qwen")?.schema; // { type: "object", properties: { … } }
 */
export function outputSchemaOf(request: ModelRequest, family: string, displayName: string): OutputSchema | undefined {
  const format = request.outputConfig?.textFormat;
  const definition = format?.structure?.jsonSchema;
  if (format === undefined || definition === undefined) return undefined;
  let schema: unknown;
  try {
    schema = JSON.parse(definition.schema ?? "");
  } catch {
    schema = undefined;
  }
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) {
    throw new UnsupportedFeatureError(family, displayName, "a structured-output schema that is not a JSON object", "Send outputConfig.textFormat.structure.jsonSchema.schema as the JSON text of an object schema.");
  }
  return { schema: schema as Record<string, unknown>, name: definition.name, description: definition.description };
}

/**
 * Structured output and strict tools in the OpenAI Chat Completions body of open-weight models:
 * `response_format: { type: "json_schema", json_schema: { name, schema } }`.
 *
 * @example
 * chatResponseFormat(request, "qwen", "Qwen"); // { response_format: { type: "json_schema", json_schema: { name: "City", schema } } }
 */
export function chatResponseFormat(request: ModelRequest, family: string, displayName: string): Record<string, unknown> {
  const output = outputSchemaOf(request, family, displayName);
  if (output === undefined) return {};
  const jsonSchema = { name: output.name ?? "response", ...(output.description === undefined ? {} : { description: output.description }), schema: output.schema };
  return { response_format: { type: "json_schema", json_schema: jsonSchema } };
}
