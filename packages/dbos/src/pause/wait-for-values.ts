import { DBOS } from "@dbos-inc/dbos-sdk";
import { toDurableJson } from "../codec/durable-json.js";
import { DurableWaitTimeoutError } from "../errors/durable-wait-timeout-error.js";
import { pendingEventKey, resumeTopic, type DurablePending } from "./durable-pending.js";

/** How long a durable run waits for an answer by default: seven days. */
export const defaultWaitSeconds = 7 * 24 * 60 * 60;

/**
 * Inside a DBOS workflow: publishes what the run waits for (the `sluice.pending` event), then
 * waits durably for a message with a value for each. A process that dies while waiting resumes
 * the wait; a value sent meanwhile is kept by DBOS until it is received.
 */
export async function waitForValues(pending: readonly DurablePending[], timeoutSeconds: number): Promise<Record<string, unknown>> {
  await DBOS.setEvent(pendingEventKey, toDurableJson(pending));
  const values: Record<string, unknown> = {};
  for (const entry of pending) {
    const value = await DBOS.recv<{ value: unknown }>(resumeTopic(entry.id), { timeoutSeconds });
    if (value === null) throw new DurableWaitTimeoutError(DBOS.workflowID ?? "", entry.id, timeoutSeconds);
    values[entry.id] = value.value;
  }
  await DBOS.setEvent(pendingEventKey, []);
  return values;
}
