import type { Message, StopReason, ToolResultContentBlock } from "@aws-sdk/client-bedrock-runtime";
import type { ToolFailureReason } from "../errors/agent-errors.js";
import type { TokenUsage } from "@aws-sdk/client-bedrock-runtime";
import type { AgentResult } from "./agent-result.js";

/** A piece of the assistant's answer text, as it streams. */
export interface TextDeltaEvent {
  type: "text-delta";
  step: number;
  contentBlockIndex: number;
  text: string;
}

/** A piece of the model's reasoning (extended thinking): text, its signature, or redacted bytes. */
export interface ReasoningDeltaEvent {
  type: "reasoning-delta";
  step: number;
  contentBlockIndex: number;
  text?: string;
  signature?: string;
  redactedContent?: Uint8Array;
}

/** The model started a tool call. */
export interface ToolUseStartEvent {
  type: "tool-use-start";
  step: number;
  contentBlockIndex: number;
  toolUseId: string;
  name: string;
}

/** A piece of a tool call's JSON input, as it streams. */
export interface ToolUseDeltaEvent {
  type: "tool-use-delta";
  step: number;
  contentBlockIndex: number;
  toolUseId: string;
  delta: string;
}

/** A tool call is complete, with its parsed input (about to run). */
export interface ToolUseCompleteEvent {
  type: "tool-use-complete";
  step: number;
  toolUseId: string;
  name: string;
  input: unknown;
}

/** A tool call produced its result (success or error), as sent back to the model. */
export interface ToolResultEvent {
  type: "tool-result";
  step: number;
  toolUseId: string;
  name: string;
  status: "success" | "error";
  content: ToolResultContentBlock[];
  durationMs: number;
}

/** A tool call failed: unknown tool, invalid input, a throwing handler or a timeout. */
export interface ToolErrorEvent {
  type: "tool-error";
  step: number;
  toolUseId: string;
  name: string;
  reason: ToolFailureReason;
  /** The message the model sees. */
  message: string;
  error: unknown;
}

/** A tool middleware paused the run (for example for approval). */
export interface ToolInterruptEvent {
  type: "tool-interrupt";
  step: number;
  toolUseId: string;
  name: string;
  input: unknown;
  reason: string;
  data?: unknown;
}

/** One model call (and the tool calls it asked for) finished. */
export interface StepFinishEvent {
  type: "step-finish";
  step: number;
  stopReason: StopReason | string | undefined;
  message: Message | undefined;
  usage: TokenUsage | undefined;
}

/** The run finished; the same object `send()` resolves to. */
export interface FinishEvent {
  type: "finish";
  result: AgentResult;
}

/** Every event of an agent run, discriminated by `type`. */
export type AgentEvent =
  | TextDeltaEvent
  | ReasoningDeltaEvent
  | ToolUseStartEvent
  | ToolUseDeltaEvent
  | ToolUseCompleteEvent
  | ToolResultEvent
  | ToolErrorEvent
  | ToolInterruptEvent
  | StepFinishEvent
  | FinishEvent;

/**
 * A listener of another event threw (or its promise rejected). The run goes on regardless; this
 * event reports it (it is emitted on the agent only, not on `agent.stream()`'s events).
 */
export interface ListenerErrorEvent {
  type: "listener-error";
  /** The event type whose listener failed. */
  eventType: string;
  error: unknown;
}

/** The listener map of `agent.on(...)`: one entry per event type. */
export type AgentEventMap = {
  [Type in AgentEvent["type"]]: (event: Extract<AgentEvent, { type: Type }>) => void;
} & { "listener-error": (event: ListenerErrorEvent) => void };
