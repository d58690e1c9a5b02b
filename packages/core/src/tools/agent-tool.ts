import type { ToolResultContentBlock } from "@aws-sdk/client-bedrock-runtime";
import type { RunContext, ServiceResolver } from "../agent/run-context.js";

/** What a running tool gets besides its input. */
export interface ToolContext {
  /** Aborted when the agent run is aborted or the tool's timeout passes. */
  readonly signal: AbortSignal;
  readonly toolUseId: string;
  /** The model call (step) that asked for this tool. */
  readonly step: number;
  /** Identifies the run (one `send`, `stream` or `resume`) that called the tool. */
  readonly runId: string;
  /** The run's context (the agent's `context` option merged with the run's). */
  readonly context: RunContext;
  /**
   * Reaches services registered in the agent's container, typed by token:
   * `resolve<Greeter>("Greeter")`, `resolve(Tokens.Logger)`.
   */
  readonly resolve: ServiceResolver;
}

/** What a tool returns: the `toolResult` content and its status. */
export interface ToolOutput {
  content: ToolResultContentBlock[];
  status?: "success" | "error";
  /**
   * End the run once this step's tool results are in the conversation, without calling the model
   * again (for example a tool that delivers the final, structured answer).
   */
  endRun?: boolean;
}

/**
 * A tool as the agent loop sees it: a name, a JSON Schema for Bedrock's `toolSpec`, and an
 * `invoke` function. `@sluice/tools`' `defineTool` builds these from zod schemas with typed
 * handlers; any object of this shape works.
 *
 * @example
 * const clock: AgentTool = {
 *   name: "current_time", description: "The current time", inputSchema: { type: "object", properties: {} },
 *   invoke: async () => ({ content: [{ text: new Date().toISOString() }] }),
 * };
 */
export interface AgentTool {
  readonly name: string;
  readonly description?: string;
  /** JSON Schema of the input; `type: "object"` at the top. */
  readonly inputSchema: Record<string, unknown>;
  /** Milliseconds before the call is abandoned and the model told it timed out. */
  readonly timeoutMs?: number;
  /** Free-form flags for middleware, e.g. `{ requiresApproval: true }`. */
  readonly metadata?: Readonly<Record<string, unknown>>;
  /**
   * Runs the tool. Throw `ToolInputError` for input that fails validation; any other error
   * counts as a handler failure. Both go back to the model as an error `toolResult`.
   */
  invoke(input: unknown, context: ToolContext): Promise<ToolOutput>;
}
