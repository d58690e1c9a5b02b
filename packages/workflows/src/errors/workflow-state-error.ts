import { SluiceError } from "@sluice/core";
import { WorkflowError } from "./workflow-error.js";

/**
 * `workflow.resume(state, values)` was given a state it cannot resume (not a workflow state, of
 * another workflow, damaged) or values no paused step waits for. Nothing ran.
 *
 * @example
 * catch (error) { if (WorkflowStateError.isInstance(error)) console.error(error.message); }
 */
export class WorkflowStateError extends WorkflowError {
  constructor(message: string) {
    super("workflow-state", message, undefined);
  }
}
