import { validationError } from "../errors/service-error.js";
import { foundationModelId } from "../families/model-id.js";
import { isJsonObject } from "../wire/is-json-object.js";

/**
 * Claude refuses extended thinking together with a tool choice that forces a tool (`any` or a
 * named tool), in its own words (recorded from Claude Opus 4.5).
 *
 * @example
 * checkClaudeThinking({ additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 1024 } }, toolConfig: { tools, toolChoice: { any: {} } } }, "us.anthropic.claude-opus-4-5-20251101-v1:0");
 * // throws "The model returned the following errors: Thinking may not be enabled when tool_choice forces tool use."
 */
export function checkClaudeThinking(body: Record<string, unknown>, modelId: string | undefined): void {
  if (!foundationModelId(modelId ?? "").startsWith("anthropic.claude")) return;
  const fields = body["additionalModelRequestFields"];
  const thinking = isJsonObject(fields) ? fields["thinking"] : undefined;
  if (!isJsonObject(thinking) || thinking["type"] === "disabled") return;
  const config = body["toolConfig"];
  const choice = isJsonObject(config) ? config["toolChoice"] : undefined;
  if (isJsonObject(choice) && (choice["any"] !== undefined || choice["tool"] !== undefined)) {
    throw validationError("The model returned the following errors: Thinking may not be enabled when tool_choice forces tool use.");
  }
}
