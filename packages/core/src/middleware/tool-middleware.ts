import type { ToolResultContentBlock } from "@aws-sdk/client-bedrock-runtime";
import type { RunContext, ServiceResolver } from "../agent/run-context.js";
import type { ToolFailureReason } from "../errors/agent-errors.js";
import type { AgentTool } from "../tools/agent-tool.js";

/**
 * Values middleware share during one tool call; extend by declaration merging like `ModelCallState`.
 *
 * @example
 * declare module "@sluice/core" { interface ToolCallState { cached?: boolean } }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ToolCallState {}

/** One tool call as a tool middleware sees it. */
export interface ToolCall {
  readonly toolUseId: string;
  /** The tool name the model asked for (it may name no registered tool). */
  readonly name: string;
  /** The input the model sent, not yet validated. */
  readonly input: unknown;
  /** The registered tool, or undefined when the model named an unknown tool. */
  readonly tool: AgentTool | undefined;
  readonly signal: AbortSignal;
  readonly state: ToolCallState;
  readonly step: number;
  /** The run's context (the agent's `context` option merged with the run's). */
  readonly context: RunContext;
  /** Reaches services registered in the agent's container, typed by token. */
  readonly resolve: ServiceResolver;
  /**
   * When a paused run is resumed, the value the application passed for this call to
   * `agent.resume(...)`; undefined on the first attempt.
   */
  readonly resumeValue: unknown;
  /** Identifies the agent run (one `send`, `stream` or `resume` call) this tool call belongs to. */
  readonly runId: string;
}

/** The result of a tool call, before it becomes a `toolResult` block. */
export interface ToolCallResult {
  readonly type: "result";
  readonly content: ToolResultContentBlock[];
  readonly status: "success" | "error";
  /** Present when the call failed; the content then holds the message the model sees. */
  readonly failure?: { reason: ToolFailureReason; error: unknown };
  /** End the run after this step's tool results instead of calling the model again. */
  readonly endRun?: boolean;
}

/**
 * Pauses the agent run at this tool call (for example to ask a person for approval). The run
 * ends with `status: "interrupted"` and can be resumed with `agent.resume(...)`.
 */
export interface ToolCallInterrupt {
  readonly type: "interrupt";
  /** Why the run paused, for the application. */
  readonly reason: string;
  /** JSON data for the application (kept in snapshots). */
  readonly data?: unknown;
}

/** What a tool call ends with: a result for the model, or an interrupt that pauses the run. */
export type ToolCallOutcome = ToolCallResult | ToolCallInterrupt;

/** Calls the rest of the tool pipeline (and finally the tool); pass a new input to replace it. */
export type ToolNext = (input?: unknown) => Promise<ToolCallOutcome>;

/** The argument list of `ToolNext`, for `compose`. */
export type ToolNextArgs = [input?: unknown];

/**
 * A tool-call middleware: logging, caching of tool results, approval, durable execution.
 *
 * @example
 * const timing: ToolMiddleware = async (call, next) => {
 *   const started = Date.now();
 *   try { return await next(); } finally { console.log(call.name, Date.now() - started, "ms"); }
 * };
 */
export type ToolMiddleware = (call: ToolCall, next: ToolNext) => Promise<ToolCallOutcome> | ToolCallOutcome;
