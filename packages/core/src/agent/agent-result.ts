import type { Message, StopReason, ToolResultContentBlock } from "@aws-sdk/client-bedrock-runtime";
import type { Usage } from "../conversation/usage.js";

/** One tool call of a step and how it ended. */
export interface ToolCallRecord {
  toolUseId: string;
  name: string;
  input: unknown;
  status: "success" | "error" | "interrupted";
  content: ToolResultContentBlock[];
}

/** One model call and the tool calls it asked for. */
export interface AgentStep {
  step: number;
  stopReason: StopReason | string | undefined;
  message: Message | undefined;
  usage: Usage;
  toolCalls: ToolCallRecord[];
}

/** A tool call waiting for the application (see `agent.resume`). */
export interface PendingInterrupt {
  toolUseId: string;
  name: string;
  input: unknown;
  reason: string;
  data?: unknown;
}

/**
 * How a run ended:
 * - `complete`: the model finished (end_turn, max_tokens, a stop sequence, a guardrail...).
 * - `max-steps`: `maxSteps` model calls were made and the model still wanted tools; the tool
 *   results are in the conversation and the next `send()` (or `send()` with no input) continues.
 * - `interrupted`: a tool call is waiting for `agent.resume(...)`.
 */
export type AgentRunStatus = "complete" | "max-steps" | "interrupted";

/**
 * What `send()` resolves to (and the `finish` event carries).
 *
 * @example
 * const result = await agent.send("What is the weather in Paris?");
 * console.log(result.text, result.stopReason, result.usage.totalTokens);
 */
export interface AgentResult {
  status: AgentRunStatus;
  /** The text of the last assistant message (its text blocks joined). */
  text: string;
  /** The last assistant message, if the model produced one. */
  message: Message | undefined;
  /** Bedrock's stop reason of the last model call. */
  stopReason: StopReason | string | undefined;
  /** Token usage of this call (every step added up). */
  usage: Usage;
  steps: AgentStep[];
  /** Messages this call added to the conversation, in order. */
  messages: Message[];
  /** Present when `status` is `interrupted`. */
  interrupts?: PendingInterrupt[];
}
