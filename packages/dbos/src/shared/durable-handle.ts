import { DBOS, type WorkflowHandle } from "@dbos-inc/dbos-sdk";
import { fromDurableJson } from "../codec/durable-json.js";
import { answerDurableRun, durablePending } from "../pause/answer-durable-run.js";
import type { DurablePending } from "../pause/durable-pending.js";

/**
 * A durable run, from the process that started it or any other on the same system database.
 *
 * @example
 * const handle = await support.start("Refund order 42");
 * const [approval] = await handle.pending();
 * await handle.answer({ [approval.id]: approve() });
 * console.log((await handle.result()).text);
 */
export interface DurableRunHandle<Result> {
  /** The DBOS workflow id: give it to another process to answer or await the run. */
  readonly workflowId: string;
  /** Waits for the run to end (in whichever process runs it) and returns its result. */
  result(): Promise<Result>;
  /** What the run waits for; waits up to `timeoutSeconds` (default 60) for it to pause. */
  pending(options?: { timeoutSeconds?: number }): Promise<DurablePending[]>;
  /** Gives the run the values it waits for (`answerDurableRun`). */
  answer(values: Record<string, unknown>): Promise<void>;
}

/** How often a handle of a run in another process looks for its result. */
const pollingIntervalMs = 200;

/**
 * A handle on `workflowId`. With `live` (the handle `DBOS.startWorkflow` returned in this
 * process), the result is awaited in memory instead of polled from the database.
 */
export function durableHandle<Result>(workflowId: string, live?: WorkflowHandle<unknown>): DurableRunHandle<Result> {
  return {
    workflowId,
    result: async () => fromDurableJson<Result>(await (live ?? DBOS.retrieveWorkflow<unknown>(workflowId)).getResult({ pollingIntervalMs })),
    pending: (options) => durablePending(workflowId, options),
    answer: (values) => answerDurableRun(workflowId, values),
  };
}
