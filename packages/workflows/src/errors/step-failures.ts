import { describeThrown } from "@sluice/core/internal";
import type { SchemaIssue } from "@sluice/tools";
import type { StepFailure } from "../executor/step-executor.js";
import { LoopLimitError } from "./loop-limit-error.js";
import { StepFailedError } from "./step-failed-error.js";
import { StepValidationError, type StepBoundary } from "./step-validation-error.js";
import { WorkflowAbortError } from "./workflow-abort-error.js";
import { WorkflowError } from "./workflow-error.js";

/** What a step threw, as the typed error the run reports: a workflow error of this step kept, anything else wrapped. */
export function toStepError(error: unknown, path: string): WorkflowError {
  if (WorkflowError.isInstance(error) && error.path !== undefined && isWithin(error.path, path)) return error;
  return new StepFailedError(path, describeThrown(error), { cause: error });
}

/** The journal's JSON form of a step's error. */
export function failureRecord(error: WorkflowError, path: string): StepFailure {
  return {
    code: error.code,
    message: error.message,
    path: error.path ?? path,
    ...(StepFailedError.isInstance(error) && { causeName: error.causeName }),
    ...(StepValidationError.isInstance(error) && { boundary: error.boundary, issues: [...error.issues] }),
  };
}

/** The typed error of a failure replayed from the journal (same class, code, path and message; no cause). */
export function errorFromRecord(failure: StepFailure): WorkflowError {
  let error: WorkflowError;
  if (failure.code === "workflow-step-validation") {
    error = new StepValidationError(failure.path, (failure.boundary ?? "input") as StepBoundary, "", (failure.issues ?? []) as SchemaIssue[]);
  } else if (failure.code === "workflow-loop-limit") {
    error = new LoopLimitError(failure.path, 0, undefined);
  } else {
    error = new StepFailedError(failure.path, "", { causeName: failure.causeName ?? "Error" });
  }
  error.message = failure.message;
  return error;
}

/** The error of a run aborted while `path` was running. */
export function abortedAt(path: string, signal: AbortSignal): WorkflowAbortError {
  return new WorkflowAbortError(path, { cause: signal.reason });
}

/** True when `path` is `ancestor` or a step under it (`ancestor/…`, or an iteration `ancestor[…]`). */
function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`) || path.startsWith(`${ancestor}[`);
}
