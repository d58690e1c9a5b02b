import { SluiceError } from "@sluice/core";
import { WorkflowError } from "./workflow-error.js";

/**
 * A step threw (a function step's code, an agent's run, a tool). `cause` holds what was thrown;
 * `path` names the step. After a resume, a failure replayed from the journal has no `cause`,
 * only `causeName` and the message.
 *
 * @example
 * catch (error) { if (StepFailedError.isInstance(error)) console.error(`${error.path} failed`, error.cause); }
 */
export class StepFailedError extends WorkflowError {
  /** The name of the error the step threw (kept when the failure is replayed from a saved state). */
  readonly causeName: string;

  constructor(path: string, message: string, options: { cause?: unknown; causeName?: string } = {}) {
    super("workflow-step-failed", `Step "${path}" failed: ${message}`, path, { cause: options.cause });
    this.causeName = options.causeName ?? (options.cause instanceof Error ? options.cause.name : typeof options.cause);
  }
}
