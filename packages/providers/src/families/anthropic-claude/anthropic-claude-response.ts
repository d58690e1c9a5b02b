import type { ContentBlock, StopReason } from "@aws-sdk/client-bedrock-runtime";
import type { NativeBody, NativeTurn } from "../../adapter.js";
import { NativeResponseError } from "../../errors/native-response-error.js";
import { fromBase64, textBlocks } from "../../shared/converse-content.js";
import { asArray, asNumber, asRecord, asString } from "../../shared/native-values.js";
import { mapStopReason } from "../../shared/stop-reason.js";
import { knownUsage } from "../../shared/token-usage.js";
import { ANTHROPIC_CLAUDE_FAMILY } from "./anthropic-claude-request.js";

/** Claude's `stop_reason` values and their Converse equivalents. */
export const CLAUDE_STOP_REASONS: Readonly<Record<string, StopReason>> = {
  end_turn: "end_turn",
  max_tokens: "max_tokens",
  stop_sequence: "stop_sequence",
  tool_use: "tool_use",
  pause_turn: "end_turn",
  refusal: "content_filtered",
  model_context_window_exceeded: "model_context_window_exceeded",
};

/**
 * Claude's `usage` object as Converse usage (cache creation counts as cache write, its split by
 * TTL as `cacheDetails`).
 *
 * @example
 * claudeUsage({ input_tokens: 4, output_tokens: 50, cache_read_input_tokens: 18131 });
 */
export function claudeUsage(usage: unknown): NativeTurn["usage"] {
  const record = asRecord(usage);
  if (!record) return undefined;
  // Claude 4.5 on splits cache writes by TTL: the same figures Converse reports as cacheDetails (1h first).
  const byTtl = asRecord(record.cache_creation);
  const details = [
    { ttl: "1h" as const, inputTokens: asNumber(byTtl?.ephemeral_1h_input_tokens) ?? 0 },
    { ttl: "5m" as const, inputTokens: asNumber(byTtl?.ephemeral_5m_input_tokens) ?? 0 },
  ].filter((detail) => detail.inputTokens > 0);
  return knownUsage({
    inputTokens: asNumber(record.input_tokens),
    outputTokens: asNumber(record.output_tokens),
    cacheReadInputTokens: asNumber(record.cache_read_input_tokens),
    cacheWriteInputTokens: asNumber(record.cache_creation_input_tokens),
    cacheDetails: details.length > 0 ? details : undefined,
  });
}

function contentBlock(block: unknown, body: NativeBody): ContentBlock | undefined {
  const record = asRecord(block);
  switch (record?.type) {
    case "text":
      return textBlocks(asString(record.text) ?? "")[0];
    case "tool_use":
      return { toolUse: { toolUseId: asString(record.id), name: asString(record.name), input: (record.input ?? {}) as never } };
    case "thinking":
      return {
        reasoningContent: {
          reasoningText: { text: asString(record.thinking) ?? "", ...(typeof record.signature === "string" && { signature: record.signature }) },
        },
      };
    case "redacted_thinking":
      return { reasoningContent: { redactedContent: fromBase64(asString(record.data) ?? "") } };
    default:
      // Server-tool and citation blocks have no Converse equivalent here; skipping beats failing the turn.
      if (record === undefined) throw new NativeResponseError(ANTHROPIC_CLAUDE_FAMILY, "a content block is not an object", body);
      return undefined;
  }
}

/**
 * Anthropic Messages response → Converse turn: text, `tool_use`, `thinking` (with signature)
 * and `redacted_thinking` blocks, stop reason, usage including cache reads and writes.
 *
 * @example
 * parseClaudeResponse({ type: "message", content: [{ type: "text", text: "Hi" }], stop_reason: "end_turn", usage: { input_tokens: 3, output_tokens: 1 } });
 */
export function parseClaudeResponse(body: NativeBody): NativeTurn {
  const content = asArray(body.content);
  if (!content) throw new NativeResponseError(ANTHROPIC_CLAUDE_FAMILY, "the body has no content array", body);
  const blocks = content.flatMap((block) => contentBlock(block, body) ?? []);
  const fallback: StopReason = blocks.some((block) => block.toolUse) ? "tool_use" : "end_turn";
  return { content: blocks, stopReason: mapStopReason(CLAUDE_STOP_REASONS, body.stop_reason, fallback), usage: claudeUsage(body.usage) };
}
