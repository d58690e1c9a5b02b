import type { AgentInput } from "../agent/agent-input.js";
import type { AgentResult } from "../agent/agent-result.js";
import type { RunContext, ServiceResolver } from "../agent/run-context.js";

/** One agent run (a `send`, `stream` or `resume` call) as a run middleware sees it. */
export interface AgentRun {
  /** The same id every model call and tool call of this run carries. */
  readonly runId: string;
  readonly modelId: string;
  /** The agent's `name` option. */
  readonly agentName: string | undefined;
  /** The agent's `conversationId` option. */
  readonly conversationId: string | undefined;
  readonly streaming: boolean;
  /** Aborts when the caller aborts the run. */
  readonly signal: AbortSignal;
  /** The input of `send`/`stream`; undefined when resuming or continuing. */
  readonly input: AgentInput | undefined;
  /** True for `agent.resume(...)`. */
  readonly resuming: boolean;
  /** The run's context (the agent's `context` option merged with the run's). */
  readonly context: RunContext;
  /** Reaches services registered in the agent's container, typed by token. */
  readonly resolve: ServiceResolver;
}

/** Runs the rest of the run: the model and tool loop, then the commit. */
export type RunNext = () => Promise<AgentResult>;

/**
 * A run middleware wraps a whole agent run: a span around it, per-run bookkeeping, a run-level
 * deadline. It sees the final result, or the error after the turn was rolled back.
 *
 * @example
 * const timing: Middleware = {
 *   name: "run-timing",
 *   run: async (run, next) => { const started = Date.now(); try { return await next(); } finally { console.log(run.runId, Date.now() - started); } },
 * };
 */
export type RunMiddleware = (run: AgentRun, next: RunNext) => Promise<AgentResult> | AgentResult;
