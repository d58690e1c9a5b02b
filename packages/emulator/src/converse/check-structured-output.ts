import { ServiceError, validationError } from "../errors/service-error.js";
import { foundationModelId } from "../families/model-id.js";
import type { ModelCapabilities } from "../models/model-capabilities.js";
import { isJsonObject } from "../wire/is-json-object.js";
import { claudeSchemaVerdict } from "./claude-schema-rules.js";

/** The service's wording when a model refuses part of the request. */
const MODEL_ERRORS = "The model returned the following errors: ";
/** Recorded answer (HTTP 500) when Claude's schema compiler meets a recursive schema. */
const COMPILER_FAILURE = "The system encountered an unexpected error during processing. Try your request again.";

function judge(schema: unknown, where: string): void {
  const verdict = claudeSchemaVerdict(schema);
  if (verdict.kind === "recursive") throw new ServiceError("InternalServerException", COMPILER_FAILURE);
  if (verdict.kind === "unsupported") throw validationError(`${MODEL_ERRORS}${where}: ${verdict.detail}`);
}

/** The schema of `outputConfig.textFormat` (a JSON document sent as a string), parsed. */
function outputSchema(body: Record<string, unknown>): unknown {
  const config = body["outputConfig"];
  const format = isJsonObject(config) ? config["textFormat"] : undefined;
  const structure = isJsonObject(format) ? format["structure"] : undefined;
  const jsonSchema = isJsonObject(structure) ? structure["jsonSchema"] : undefined;
  const schema = isJsonObject(jsonSchema) ? jsonSchema["schema"] : undefined;
  if (typeof schema !== "string") return undefined;
  try {
    return JSON.parse(schema) as unknown;
  } catch {
    throw validationError("The JSON schema in outputConfig.textFormat.structure.jsonSchema.schema is not valid JSON. Send the schema as a JSON string and try again.");
  }
}

/**
 * Native structured output and strict tools as Claude enforces them behind Converse: a model
 * without them refuses the member itself (recorded for `strict` on Claude Sonnet 5; the same
 * wording is used for `output_config`); otherwise the output schema is compiled as
 * `output_config.format.schema` and each strict tool as `tools.N.custom` (N counts tool
 * definitions, not cache points), and what the compiler refuses comes back as the model's error.
 * Other models are not checked here.
 *
 * @example
 * checkStructuredOutput(body, "us.anthropic.claude-sonnet-4-5-20250929-v1:0", capabilitiesFor("us.anthropic.claude-sonnet-4-5-20250929-v1:0"));
 */
export function checkStructuredOutput(body: Record<string, unknown>, modelId: string | undefined, capabilities: ModelCapabilities): void {
  const schema = outputSchema(body);
  if (!foundationModelId(modelId ?? "").startsWith("anthropic.claude")) return;
  if (schema !== undefined) {
    if (!capabilities.nativeStructuredOutput) throw validationError(`${MODEL_ERRORS}output_config: Extra inputs are not permitted`);
    judge(schema, "output_config.format.schema");
  }
  const config = body["toolConfig"];
  const tools = isJsonObject(config) && Array.isArray(config["tools"]) ? (config["tools"] as unknown[]) : [];
  const specs = tools.flatMap((tool) => (isJsonObject(tool) && isJsonObject(tool["toolSpec"]) ? [tool["toolSpec"]] : []));
  specs.forEach((spec, index) => {
    if (spec["strict"] === undefined) return;
    if (!capabilities.strictTools) throw validationError(`${MODEL_ERRORS}tools.${index}.custom.strict: Extra inputs are not permitted`);
    const inputSchema = spec["inputSchema"];
    if (spec["strict"] === true && isJsonObject(inputSchema)) judge(inputSchema["json"], `tools.${index}.custom`);
  });
}
