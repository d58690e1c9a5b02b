import { DBOS } from "@dbos-inc/dbos-sdk";
import { fromDurableJson } from "../codec/durable-json.js";
import { DurableConfigurationError } from "../errors/durable-error.js";
import { pendingEventKey, resumeTopic, type DurablePending } from "./durable-pending.js";

/**
 * Answers a waiting durable run from any process launched on the same DBOS system database:
 * sends each value on its pending id's topic. Sending the same answer twice delivers it once.
 *
 * @example
 * const [pending] = await durablePending(workflowId);
 * await answerDurableRun(workflowId, { [pending.id]: approve() });
 */
export async function answerDurableRun(workflowId: string, values: Record<string, unknown>): Promise<void> {
  if (typeof workflowId !== "string" || workflowId === "") throw new DurableConfigurationError("answerDurableRun: give the workflow id of the durable run (handle.workflowId).");
  if (typeof values !== "object" || values === null || Array.isArray(values)) {
    throw new DurableConfigurationError("answerDurableRun: values must be an object { [pending.id]: value }, e.g. { [toolUseId]: approve() }.");
  }
  for (const [id, value] of Object.entries(values)) {
    await DBOS.send(workflowId, { value }, resumeTopic(id), `${workflowId}:${id}`);
  }
}

/**
 * What a durable run waits for: waits up to `timeoutSeconds` (default 60) for it to pause, and
 * returns an empty list if it has not (or is not waiting any more).
 *
 * @example
 * const pending = await durablePending(handle.workflowId, { timeoutSeconds: 30 });
 */
export async function durablePending(workflowId: string, options: { timeoutSeconds?: number } = {}): Promise<DurablePending[]> {
  const deadline = Date.now() + (options.timeoutSeconds ?? 60) * 1000;
  for (;;) {
    const left = Math.max(0, deadline - Date.now());
    const event = await DBOS.getEvent<unknown>(workflowId, pendingEventKey, { timeoutSeconds: Math.max(0.05, Math.min(left, 1000) / 1000) });
    const pending = event === null ? [] : fromDurableJson<DurablePending[]>(event);
    if (pending.length > 0 || left === 0) return pending;
    await new Promise((resolve) => setTimeout(resolve, Math.min(100, left)));
  }
}
