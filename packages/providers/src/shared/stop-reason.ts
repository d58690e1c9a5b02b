import type { StopReason } from "@aws-sdk/client-bedrock-runtime";

/**
 * Maps a family's native stop reason onto Bedrock's Converse stop reasons. Unknown or missing
 * values become `fallback` (normally `end_turn`, or `tool_use` when the reply calls tools).
 *
 * @example
 * mapStopReason({ length: "max_tokens" }, "length", "end_turn"); // "max_tokens"
 */
export function mapStopReason(table: Readonly<Record<string, StopReason>>, native: unknown, fallback: StopReason): StopReason {
  if (typeof native !== "string") return fallback;
  return Object.hasOwn(table, native) ? (table[native] as StopReason) : fallback;
}

/**
 * A reply that calls tools stops for them: `end_turn` becomes `tool_use` when `callsTools`. For
 * families whose native stop reason cannot say so (prompt-written calls, Command R).
 *
 * @example
 * stopForToolCalls("end_turn", true); // "tool_use"
 * stopForToolCalls("max_tokens", true); // "max_tokens"
 */
export function stopForToolCalls(stopReason: StopReason, callsTools: boolean): StopReason {
  return callsTools && stopReason === "end_turn" ? "tool_use" : stopReason;
}
