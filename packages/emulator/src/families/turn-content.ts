import type { WireContentBlock, WireToolUse } from "../wire/converse-types.js";
import type { ModelTurn } from "./model-family.js";

/**
 * The turn's answer text: every text block joined, reasoning and tool calls left out.
 *
 * @example
 * turnText({ content: [{ text: "a" }, { text: "b" }], stopReason: "end_turn", usage }); // "ab"
 */
export function turnText(turn: ModelTurn): string {
  return turn.content.map((block) => block.text ?? "").join("");
}

/**
 * The turn's reasoning text (every `reasoningContent.reasoningText` joined), empty when none.
 *
 * @example
 * turnReasoning({ content: [{ reasoningContent: { reasoningText: { text: "hmm" } } }], stopReason: "end_turn", usage }); // "hmm"
 */
export function turnReasoning(turn: ModelTurn): string {
  return turn.content.map((block) => block.reasoningContent?.reasoningText?.text ?? "").join("");
}

/**
 * The `stop_reason` of the prompt-completion dialects (Llama, DeepSeek, Mistral text): `length`
 * when the turn ran out of tokens, else `stop`.
 *
 * @example
 * completionStopReason({ content: [], stopReason: "max_tokens", usage }); // "length"
 */
export function completionStopReason(turn: ModelTurn): "length" | "stop" {
  return turn.stopReason === "max_tokens" ? "length" : "stop";
}

/**
 * The tool calls in the turn, in order.
 *
 * @example
 * turnToolUses(turn).map((toolUse) => toolUse.name);
 */
export function turnToolUses(turn: ModelTurn): WireToolUse[] {
  return turn.content.flatMap((block: WireContentBlock) => (block.toolUse ? [block.toolUse] : []));
}
