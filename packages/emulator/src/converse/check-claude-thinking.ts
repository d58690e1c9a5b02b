import { validationError } from "../errors/service-error.js";
import { foundationModelId } from "../families/model-id.js";
import type { ModelCapabilities } from "../models/model-capabilities.js";
import { isJsonObject } from "../wire/is-json-object.js";

const MODEL_ERRORS = "The model returned the following errors: ";

/**
 * Claude's own rules on extended thinking (`additionalModelRequestFields.thinking`): `adaptive`
 * only where the model has it (Claude 4.6 on; older models name the tags they take), a budget of
 * at least 1,024 tokens for `enabled`, and no thinking with a tool choice that forces a tool
 * (recorded from Claude Opus 4.5).
 *
 * @example
 * checkClaudeThinking({ additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 1024 } }, toolConfig: { tools, toolChoice: { any: {} } } }, "us.anthropic.claude-opus-4-5-20251101-v1:0", capabilities);
 * // throws "The model returned the following errors: Thinking may not be enabled when tool_choice forces tool use."
 */
export function checkClaudeThinking(body: Record<string, unknown>, modelId: string | undefined, capabilities: ModelCapabilities): void {
  if (!foundationModelId(modelId ?? "").startsWith("anthropic.claude")) return;
  const fields = body["additionalModelRequestFields"];
  const thinking = isJsonObject(fields) ? fields["thinking"] : undefined;
  if (!isJsonObject(thinking) || thinking["type"] === "disabled") return;
  const modes = capabilities.thinking ?? [];
  if (thinking["type"] === "adaptive" && modes.length > 0 && !modes.includes("adaptive")) {
    throw validationError(`${MODEL_ERRORS}thinking: Input tag 'adaptive' found using 'type' does not match any of the expected tags: 'disabled', 'enabled'`);
  }
  const budget = thinking["budget_tokens"];
  if (thinking["type"] === "enabled" && typeof budget === "number" && budget < 1024) {
    throw validationError(`${MODEL_ERRORS}thinking.enabled.budget_tokens: Input should be greater than or equal to 1024`);
  }
  const config = body["toolConfig"];
  const choice = isJsonObject(config) ? config["toolChoice"] : undefined;
  if (isJsonObject(choice) && (choice["any"] !== undefined || choice["tool"] !== undefined)) {
    throw validationError(`${MODEL_ERRORS}Thinking may not be enabled when tool_choice forces tool use.`);
  }
}
