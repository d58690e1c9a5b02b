import type { StopReason, WireContentBlock } from "../wire/converse-types.js";
import type { ModelTurn, RenderContext } from "./model-family.js";
import { claudeModelTraits } from "./claude-model-traits.js";
import { foundationModelId } from "./model-id.js";
import { anthropicMessageId } from "./response-ids.js";

/**
 * One Anthropic content block as Claude returns it.
 *
 * @example
 * const block: AnthropicBlock = { type: "text", text: "Hi" };
 */
export type AnthropicBlock =
  | { type: "text"; text: string }
  | { type: "tool_use"; id: string; name: string; input: unknown }
  | { type: "thinking"; thinking: string; signature: string }
  | { type: "redacted_thinking"; data: string };

// The pre-Claude-3 Bedrock IDs carry the model version in the "-v2:1" part itself.
const LEGACY_NAMES: Record<string, string> = {
  "anthropic.claude-v2": "claude-2.0",
  "anthropic.claude-v2:1": "claude-2.1",
  "anthropic.claude-instant-v1": "claude-instant-1.2",
};

/**
 * The model name Claude reports in its body: the base ID without the `anthropic.` provider prefix
 * and the Bedrock `-v1:0` version suffix.
 *
 * @example
 * anthropicModelName("us.anthropic.claude-3-5-haiku-20241022-v1:0"); // "claude-3-5-haiku-20241022"
 */
export function anthropicModelName(modelId: string): string {
  const base = foundationModelId(modelId);
  const legacy = LEGACY_NAMES[base];
  if (legacy !== undefined) return legacy;
  if (!base.startsWith("anthropic.")) return "claude";
  return base.slice("anthropic.".length).replace(/-v\d+(?::\d+)?$/, "");
}


/**
 * Claude's `usage` object, shaped by the model's generation: cache counters for cache-capable
 * models (or whenever the turn reports cached tokens), the write count split by TTL from Claude
 * 4.5 on (1-hour writes from the turn's `cacheDetails`, the rest 5-minute), and the thinking
 * token count and service tier on the newest models.
 *
 * @example
 * anthropicUsage({ inputTokens: 4, outputTokens: 50, totalTokens: 54 }, "anthropic.claude-3-5-haiku-20241022-v1:0");
 */
export function anthropicUsage(turn: Pick<ModelTurn, "usage" | "reasoningTokens">, modelId: string, outputTokens = turn.usage.outputTokens): Record<string, unknown> {
  const { usage } = turn;
  const traits = claudeModelTraits(modelId);
  const cached = (usage.cacheReadInputTokens ?? 0) > 0 || (usage.cacheWriteInputTokens ?? 0) > 0;
  const result: Record<string, unknown> = { input_tokens: usage.inputTokens };
  if (cached || traits.cacheCounts) {
    const written = usage.cacheWriteInputTokens ?? 0;
    result["cache_creation_input_tokens"] = written;
    result["cache_read_input_tokens"] = usage.cacheReadInputTokens ?? 0;
    if (traits.cacheCreationByTtl) {
      const oneHour = (usage.cacheDetails ?? []).filter((detail) => detail.ttl === "1h").reduce((sum, detail) => sum + detail.inputTokens, 0);
      result["cache_creation"] = { ephemeral_5m_input_tokens: Math.max(0, written - oneHour), ephemeral_1h_input_tokens: oneHour };
    }
  }
  result["output_tokens"] = outputTokens;
  if (traits.responseDetails) {
    result["output_tokens_details"] = { thinking_tokens: turn.reasoningTokens ?? 0 };
    result["service_tier"] = "standard";
  }
  return result;
}

const STOP_REASONS: Partial<Record<StopReason, string>> = {
  end_turn: "end_turn",
  tool_use: "tool_use",
  max_tokens: "max_tokens",
  stop_sequence: "stop_sequence",
  content_filtered: "refusal",
  model_context_window_exceeded: "model_context_window_exceeded",
};

/**
 * Claude's `stop_reason` for a Converse stop reason (Converse maps Claude's `refusal` to
 * `content_filtered`; the rest share names). Other reasons end the turn normally.
 *
 * @example
 * anthropicStopReason("content_filtered"); // "refusal"
 */
export function anthropicStopReason(stopReason: StopReason): string {
  return STOP_REASONS[stopReason] ?? "end_turn";
}

/**
 * The `stop_sequence` value: the caller's first stop sequence when the turn stopped on one, else null.
 *
 * @example
 * anthropicStopSequence(turn, { stop_sequences: ["\n\nHuman:"] }); // "\n\nHuman:" when turn.stopReason is "stop_sequence"
 */
export function anthropicStopSequence(turn: ModelTurn, nativeBody: unknown): string | null {
  if (turn.stopReason !== "stop_sequence") return null;
  const sequences = (nativeBody as { stop_sequences?: unknown } | undefined)?.stop_sequences;
  return Array.isArray(sequences) && typeof sequences[0] === "string" ? sequences[0] : null;
}

function anthropicBlock(block: WireContentBlock): AnthropicBlock | undefined {
  if (block.text !== undefined) return { type: "text", text: block.text };
  if (block.toolUse) return { type: "tool_use", id: block.toolUse.toolUseId, name: block.toolUse.name, input: block.toolUse.input ?? {} };
  const reasoning = block.reasoningContent;
  if (reasoning?.reasoningText) return { type: "thinking", thinking: reasoning.reasoningText.text, signature: reasoning.reasoningText.signature ?? "" };
  if (reasoning?.redactedContent !== undefined) return { type: "redacted_thinking", data: reasoning.redactedContent };
  return undefined;
}

/**
 * The turn's content as Claude blocks; Converse-only blocks (cache points, citations) have no
 * native form and are left out.
 *
 * @example
 * anthropicBlocks(turn); // [{ type: "text", text: "Hi" }]
 */
export function anthropicBlocks(turn: ModelTurn): AnthropicBlock[] {
  return turn.content.flatMap((block) => {
    const converted = anthropicBlock(block);
    return converted ? [converted] : [];
  });
}

/**
 * The InvokeModel body of a Claude Messages answer, keys in the order Claude on Bedrock sends them.
 *
 * @example
 * renderAnthropicMessage(turn, context).stop_reason; // "end_turn"
 */
export function renderAnthropicMessage(turn: ModelTurn, context: RenderContext): Record<string, unknown> {
  return {
    id: anthropicMessageId(),
    type: "message",
    role: "assistant",
    model: anthropicModelName(context.modelId),
    content: anthropicBlocks(turn),
    stop_reason: anthropicStopReason(turn.stopReason),
    stop_sequence: anthropicStopSequence(turn, context.nativeBody),
    ...(claudeModelTraits(context.modelId).responseDetails ? { stop_details: null } : {}),
    usage: anthropicUsage(turn, context.modelId),
  };
}
