/**
 * Something a durable run waits for: an approval of a tool call, or a paused workflow step.
 * Answer it from any process with `answerDurableRun(workflowId, { [pending.id]: value })`.
 */
export interface DurablePending {
  /** The key of its value: the tool call's `toolUseId`, or the paused workflow step's path. */
  id: string;
  /** Why the run waits, e.g. `approval-required`. */
  reason: string;
  /** JSON data the pausing middleware or step gave. */
  data?: unknown;
  /** For a tool call: the tool's name and the input the model gave it. */
  toolName?: string;
  toolInput?: unknown;
  /** For a workflow: the path of the paused step. */
  path?: string;
}

/** The DBOS event a durable run sets to what it waits for (an empty list once answered). */
export const pendingEventKey = "sluice.pending";

/** The DBOS message topic that carries the value for one pending id. */
export const resumeTopic = (id: string): string => `sluice.resume:${id}`;
