import { ConfigurationError } from "@sluice/core";
import { toStepError } from "../errors/step-failures.js";
import { WorkflowAbortError } from "../errors/workflow-abort-error.js";
import type { WorkflowError } from "../errors/workflow-error.js";
import { PauseSignal } from "../run/pause-signal.js";

/**
 * What a parallel or map does when a branch fails: `fail-fast` (the default) aborts the other
 * branches and fails with the first error; `collect` lets every branch finish and gives each
 * branch's outcome as a `Settled` value.
 */
export type FailurePolicy = "fail-fast" | "collect";

/**
 * One branch's outcome under the `collect` policy.
 *
 * @example
 * for (const entry of summaries) if (entry.ok) use(entry.value); else console.error(entry.error.path, entry.error.message);
 */
export type Settled<Value> = { readonly ok: true; readonly value: Value } | { readonly ok: false; readonly error: WorkflowError };

/** How many branches run at once and what a failure does. */
export interface ConcurrencyOptions {
  /** Most branches running at once. Default: all of them. */
  concurrency?: number;
  /** Default `fail-fast`. */
  onError?: FailurePolicy;
}

/** Checks `concurrency` and `onError` when a parallel or map is defined. */
export function checkConcurrencyOptions(options: ConcurrencyOptions | undefined, owner: string): void {
  if (options === undefined) return;
  if (typeof options !== "object" || options === null) throw new ConfigurationError(`${owner}: options must be an object { concurrency?, onError? }.`);
  const { concurrency, onError } = options;
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1)) {
    throw new ConfigurationError(`${owner}: concurrency must be a whole number ≥ 1; got ${String(concurrency)}.`);
  }
  if (onError !== undefined && onError !== "fail-fast" && onError !== "collect") {
    throw new ConfigurationError(`${owner}: onError must be "fail-fast" or "collect"; got ${JSON.stringify(onError)}.`);
  }
}

/**
 * Runs `count` tasks, at most `concurrency` at once, in index order. A failure under fail-fast
 * aborts the running tasks (through the signal they get) and starts no more; the call waits for
 * every started task to settle before it throws, so nothing is left running. Paused tasks let
 * the others finish, then the pauses go up together.
 */
export async function runLimited<Value>(
  count: number,
  options: ConcurrencyOptions | undefined,
  parent: AbortSignal,
  task: (index: number, signal: AbortSignal) => Promise<Value>,
  pathOf: (index: number) => string,
): Promise<Array<Settled<Value>>> {
  const policy = options?.onError ?? "fail-fast";
  const limit = Math.min(options?.concurrency ?? count, count);
  const controller = new AbortController();
  const forward = (): void => controller.abort(parent.reason);
  if (parent.aborted) forward();
  else parent.addEventListener("abort", forward, { once: true });
  const results: Array<Settled<Value>> = new Array(count);
  const pauses: PauseSignal[] = [];
  let failure: WorkflowError | undefined;
  let aborted: WorkflowAbortError | undefined;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count && failure === undefined && !controller.signal.aborted) {
      const index = next;
      next += 1;
      try {
        results[index] = { ok: true, value: await task(index, controller.signal) };
      } catch (error) {
        if (error instanceof PauseSignal) {
          pauses.push(error);
        } else if (WorkflowAbortError.isInstance(error) && controller.signal.aborted) {
          aborted ??= error; // by the caller or by a sibling's failure: reported below
        } else if (policy === "collect") {
          results[index] = { ok: false, error: toStepError(error, pathOf(index)) };
        } else if (failure === undefined) {
          failure = toStepError(error, pathOf(index));
          controller.abort(failure);
        }
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: limit }, worker));
  } finally {
    parent.removeEventListener("abort", forward);
  }
  if (parent.aborted) throw aborted ?? new WorkflowAbortError(pathOf(0), { cause: parent.reason });
  if (failure !== undefined) throw failure;
  if (pauses.length > 0) throw PauseSignal.merge(pauses);
  return results;
}
