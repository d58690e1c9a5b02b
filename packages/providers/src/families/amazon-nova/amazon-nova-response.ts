import type { ContentBlock, StopReason } from "@aws-sdk/client-bedrock-runtime";
import type { NativeBody, NativeTurn } from "../../adapter.js";
import { NativeResponseError } from "../../errors/native-response-error.js";
import { fromBase64, textBlocks } from "../../shared/converse-content.js";
import { asArray, asNumber, asRecord, asString } from "../../shared/native-values.js";
import { knownUsage } from "../../shared/token-usage.js";
import { AMAZON_NOVA_FAMILY } from "./amazon-nova-request.js";

const STOP_REASONS = new Set<string>([
  "end_turn",
  "tool_use",
  "max_tokens",
  "stop_sequence",
  "guardrail_intervened",
  "content_filtered",
  "malformed_model_output",
  "malformed_tool_use",
  "model_context_window_exceeded",
]);

/**
 * Nova's stop reason: already a Converse value; anything else becomes `fallback`.
 *
 * @example
 * novaStopReason("max_tokens", "end_turn"); // "max_tokens"
 */
export function novaStopReason(value: unknown, fallback: StopReason): StopReason {
  return typeof value === "string" && STOP_REASONS.has(value) ? (value as StopReason) : fallback;
}

/**
 * Nova usage (legacy `cache…InputTokenCount` spellings included) as Converse usage.
 *
 * @example
 * novaUsage({ inputTokens: 7, outputTokens: 53, cacheReadInputTokenCount: 0 });
 */
export function novaUsage(usage: unknown): NativeTurn["usage"] {
  const record = asRecord(usage);
  if (!record) return undefined;
  return knownUsage({
    inputTokens: asNumber(record.inputTokens),
    outputTokens: asNumber(record.outputTokens),
    cacheReadInputTokens: asNumber(record.cacheReadInputTokens) ?? asNumber(record.cacheReadInputTokenCount),
    cacheWriteInputTokens: asNumber(record.cacheWriteInputTokens) ?? asNumber(record.cacheWriteInputTokenCount),
  });
}

function contentBlock(block: unknown): ContentBlock | undefined {
  const record = asRecord(block);
  if (!record) return undefined;
  if (typeof record.text === "string") return textBlocks(record.text)[0];
  const toolUse = asRecord(record.toolUse);
  if (toolUse) {
    return {
      toolUse: {
        toolUseId: asString(toolUse.toolUseId),
        name: asString(toolUse.name),
        input: (toolUse.input ?? {}) as never,
        ...(toolUse.type === "server_tool_use" && { type: "server_tool_use" as const }),
      },
    };
  }
  const reasoning = asRecord(record.reasoningContent);
  if (reasoning) {
    const reasoningText = asRecord(reasoning.reasoningText);
    if (reasoningText) {
      const signature = asString(reasoningText.signature);
      return { reasoningContent: { reasoningText: { text: asString(reasoningText.text) ?? "", ...(signature !== undefined && { signature }) } } };
    }
    const redacted = asString(reasoning.redactedContent);
    if (redacted !== undefined) return { reasoningContent: { redactedContent: fromBase64(redacted) } };
  }
  return record as unknown as ContentBlock;
}

/**
 * Nova response (`output.message`, `stopReason`, `usage`) → Converse turn.
 *
 * @example
 * parseNovaResponse({ output: { message: { role: "assistant", content: [{ text: "Hi" }] } }, stopReason: "end_turn", usage: { inputTokens: 3, outputTokens: 1 } });
 */
export function parseNovaResponse(body: NativeBody): NativeTurn {
  const content = asArray(asRecord(asRecord(body.output)?.message)?.content);
  if (!content) throw new NativeResponseError(AMAZON_NOVA_FAMILY, "the body has no output.message.content array", body);
  const blocks = content.flatMap((block) => contentBlock(block) ?? []);
  const fallback: StopReason = blocks.some((block) => block.toolUse) ? "tool_use" : "end_turn";
  return { content: blocks, stopReason: novaStopReason(body.stopReason, fallback), usage: novaUsage(body.usage) };
}
