/**
 * Values step middleware share during one workflow step; extend it by declaration merging like
 * `ModelCallState`.
 *
 * @example
 * declare module "@sluice/core" { interface StepCallState { cacheHit?: boolean } }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface StepCallState {}

/** What a workflow step runs: a function, an agent, a tool, or a whole (nested) workflow. */
export type StepKind = "function" | "agent" | "tool" | "workflow";

/**
 * One execution of a workflow step (from `@sluice/workflows`) as a `step` middleware sees it.
 * The contract lives here, beside the other wrap points, so any middleware package can wrap steps.
 */
export interface StepCall {
  /** The name of the workflow being run (the outermost one). */
  readonly workflow: string;
  /** Identifies the workflow run; the same for every step of the run, and kept across pause and resume. */
  readonly runId: string;
  /**
   * The step's identity: its place in the workflow with loop and map iterations, e.g.
   * `report/refine[2]/write`. Deterministic, so a durable engine can key the step's record by it.
   */
  readonly path: string;
  /** The step's own name (the last part of `path`, without an iteration). */
  readonly name: string;
  readonly kind: StepKind;
  /** The input the step gets (checked by its schema inside `next()`). */
  readonly input: unknown;
  /** Aborts when the workflow run is aborted (or a sibling failed under the fail-fast policy). */
  readonly signal: AbortSignal;
  /** Shared by every middleware of this step call. */
  readonly state: StepCallState;
  /** True when the step paused earlier in this run and now continues with a resume value. */
  readonly resuming: boolean;
}

/** How a step call ended: its output, or a pause waiting for `workflow.resume(...)`. */
export type StepOutcome =
  | { readonly type: "output"; readonly output: unknown }
  | { readonly type: "paused"; readonly reason: string; readonly data?: unknown };

/** Runs the rest of the step (inner middleware, then the step); pass an input to replace it. */
export type StepNext = (input?: unknown) => Promise<StepOutcome>;

/**
 * A step middleware wraps each workflow step: logging, a tracing span, retry of a step, caching
 * its output. It may call `next` again after a failure, or answer without calling it.
 *
 * @example
 * const timing: StepMiddleware = async (call, next) => {
 *   const started = Date.now();
 *   try { return await next(); } finally { console.log(call.path, Date.now() - started, "ms"); }
 * };
 */
export type StepMiddleware = (call: StepCall, next: StepNext) => Promise<StepOutcome> | StepOutcome;
