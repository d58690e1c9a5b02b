import { SluiceError } from "@sluice/core";
import type { SchemaIssue } from "@sluice/tools";
import { WorkflowError } from "./workflow-error.js";

/** Which boundary of a step a value failed: what it got, what it gave, or the value it was resumed with. */
export type StepBoundary = "input" | "output" | "resume";

/**
 * A value at a step's boundary failed the step's zod schema: its input, its output, or its
 * resume value. The message lists each problem by field (`topic: expected string, received number`).
 *
 * @example
 * catch (error) { if (StepValidationError.isInstance(error)) console.error(error.path, error.boundary, error.issues); }
 */
export class StepValidationError extends WorkflowError {
  readonly boundary: StepBoundary;
  /** What the schema found, field by field. */
  readonly issues: readonly SchemaIssue[];

  constructor(path: string, boundary: StepBoundary, summary: string, issues: readonly SchemaIssue[]) {
    super("workflow-step-validation", `Step "${path}" got ${describeBoundary(boundary)} that fails its ${boundary} schema: ${summary}.`, path);
    this.boundary = boundary;
    this.issues = issues;
  }
}

function describeBoundary(boundary: StepBoundary): string {
  if (boundary === "input") return "an input";
  if (boundary === "output") return "an output from its code";
  return "a resume value";
}
