import { SluiceError } from "@sluice/core";

const workflowCodes = new Set(["workflow-step-failed", "workflow-step-validation", "workflow-loop-limit", "workflow-state"]);

/**
 * Base class of the errors a workflow run rejects with (besides aborts, which are
 * `WorkflowAbortError`). `path` names the step where it happened, e.g. `report/refine[2]/write`.
 *
 * @example
 * catch (error) { if (WorkflowError.isInstance(error)) console.error(error.code, error.path); }
 */
export class WorkflowError extends SluiceError {
  /** The path of the step where the error happened; undefined for errors about the run as a whole. */
  readonly path: string | undefined;

  constructor(code: string, message: string, path: string | undefined, options: { cause?: unknown } = {}) {
    super(code, message, options);
    this.path = path;
  }
}
