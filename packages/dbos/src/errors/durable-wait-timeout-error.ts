import { SluiceError } from "@sluice/core";

/**
 * A durable run waited longer than its `waitSeconds` for the value of something it paused on
 * (an approval, a paused step). The DBOS workflow ends with this error. `code` is `durable-wait-timeout`.
 *
 * @example
 * catch (error) { if (DurableWaitTimeoutError.isInstance(error)) console.error(error.workflowId, error.pendingId); }
 */
export class DurableWaitTimeoutError extends SluiceError {
  readonly workflowId: string;
  readonly pendingId: string;

  constructor(workflowId: string, pendingId: string, waitedSeconds: number) {
    super(
      "durable-wait-timeout",
      `The durable run ${workflowId} waited ${waitedSeconds} s for a value for "${pendingId}" and got none. ` +
        "Answer it sooner with answerDurableRun(workflowId, { [id]: value }), or give a longer waitSeconds.",
    );
    this.workflowId = workflowId;
    this.pendingId = pendingId;
  }
}
