import { DBOS, type WorkflowHandle } from "@dbos-inc/dbos-sdk";
import { toDurableJson } from "../codec/durable-json.js";
import type { ModelQueue } from "../queues/model-queue.js";
import { ensureLaunched } from "./register-workflow.js";

/** Where a durable run starts. */
export interface DurableStartOptions {
  /** The run's DBOS workflow id (default: a new UUID). Starting an id that exists returns that run. */
  workflowId?: string;
  /** Run it from a model's queue, within the queue's limits (see `registerModelQueue`). */
  queue?: ModelQueue | string;
}

/**
 * Starts a registered DBOS workflow with `input` (stored as durable JSON), under the given id and
 * on the given queue; `what` names it in the error when DBOS was not launched.
 */
export async function startWorkflow<Return>(
  registered: (json: unknown) => Promise<Return>,
  what: string,
  input: unknown,
  options: DurableStartOptions,
): Promise<WorkflowHandle<Return>> {
  ensureLaunched(what);
  const queueName = typeof options.queue === "string" ? options.queue : options.queue?.name;
  return DBOS.startWorkflow(registered, {
    ...(options.workflowId !== undefined && { workflowID: options.workflowId }),
    ...(queueName !== undefined && { queueName }),
  })(toDurableJson(input));
}
