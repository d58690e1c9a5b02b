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
 * The tool calls in the turn, in order.
 *
 * @example
 * turnToolUses(turn).map((toolUse) => toolUse.name);
 */
export function turnToolUses(turn: ModelTurn): WireToolUse[] {
  return turn.content.flatMap((block: WireContentBlock) => (block.toolUse ? [block.toolUse] : []));
}
