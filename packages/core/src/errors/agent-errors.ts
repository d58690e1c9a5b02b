import { SluiceError } from "./sluice-error.js";

/**
 * `send()` or `stream()` was called while another call on the same agent was running and the
 * agent was created with `concurrency: "reject"`.
 *
 * @example
 * const agent = new Agent({ modelId, concurrency: "reject" });
 */
export class AgentBusyError extends SluiceError {
  constructor() {
    super(
      "agent-busy",
      "This agent is already running a send() or stream() call. Await it first, create one agent per conversation, " +
        'or use concurrency: "queue" (the default) to wait in line.',
    );
  }
}

/**
 * A turn failed for a reason that is not itself a Sluice error (for example a plain `Error`
 * thrown by user middleware). `cause` holds the original error.
 *
 * @example
 * catch (error) { if (AgentRunError.isInstance(error)) console.error(error.cause); }
 */
export class AgentRunError extends SluiceError {
  constructor(message: string, cause: unknown) {
    super("agent-run", message, { cause });
  }
}

/**
 * A tool call failed and the agent was created with `toolErrors: "throw"`, so the failure ends
 * the run instead of going back to the model as an error `toolResult`.
 *
 * @example
 * new Agent({ modelId, tools, toolErrors: "throw" });
 */
export class ToolExecutionError extends SluiceError {
  readonly toolName: string;
  readonly toolUseId: string;
  /** `unknown-tool`, `invalid-input`, `handler-error` or `timeout`. */
  readonly reason: ToolFailureReason;

  constructor(reason: ToolFailureReason, toolName: string, toolUseId: string, message: string, cause?: unknown) {
    super("tool-execution", message, { cause });
    this.reason = reason;
    this.toolName = toolName;
    this.toolUseId = toolUseId;
  }
}

/** Why a tool call produced an error result. */
export type ToolFailureReason = "unknown-tool" | "invalid-input" | "handler-error" | "timeout";
