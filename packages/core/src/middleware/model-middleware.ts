import type { RunContext, ServiceResolver } from "../agent/run-context.js";
import type { ModelRequest } from "../model/model.js";
import type { ModelResult } from "./model-result.js";

/**
 * Values middleware share during one model call. Empty by default; extend it by declaration
 * merging so reads and writes stay typed:
 *
 * @example
 * declare module "@sluice/core" { interface ModelCallState { cacheHit?: boolean } }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ModelCallState {}

/** One model call as a middleware sees it. Replace the request by passing a new one to `next`. */
export interface ModelCall {
  /** The request as it reaches this middleware (after the outer middleware changed it). */
  readonly request: ModelRequest;
  /** True for `agent.stream()` (ConverseStream), false for `agent.send()` (Converse). */
  readonly streaming: boolean;
  /** Aborts with the caller's signal; pass it on to anything slow you start. */
  readonly signal: AbortSignal;
  /** Shared by every middleware of this call. */
  readonly state: ModelCallState;
  /** 1 for the first model call of an agent run, 2 after the first tool round, and so on. */
  readonly step: number;
  /** The run's context (the agent's `context` option merged with the run's). */
  readonly context: RunContext;
  /** Reaches services registered in the agent's container, typed by token. */
  readonly resolve: ServiceResolver;
  /** Identifies the agent run (one `send`, `stream` or `resume` call); the same for all its model and tool calls. */
  readonly runId: string;
}

/** Options a middleware may give the layers inside it. */
export interface ModelNextOptions {
  /**
   * The signal the inner layers and the model's HTTP request use instead of `call.signal`, e.g.
   * one that also fires on a timeout. Combine it with `call.signal` so the caller can still abort.
   */
  signal?: AbortSignal;
}

/** Calls the rest of the pipeline; with no request it passes the current one unchanged. */
export type ModelNext = (request?: ModelRequest, options?: ModelNextOptions) => Promise<ModelResult>;

/**
 * A model-call middleware: gets the call and `next`, returns a `ModelResult`. It may change the
 * request, answer without calling `next` (`ModelResult.fromResponse(...)`), call `next` again
 * after a failure, or observe and transform the result. The first registered is the outermost.
 *
 * @example
 * const addSystem: ModelMiddleware = (call, next) =>
 *   next({ ...call.request, system: [{ text: "Be brief." }, ...(call.request.system ?? [])] });
 */
export type ModelMiddleware = (call: ModelCall, next: ModelNext) => Promise<ModelResult> | ModelResult;
