import { SluiceError } from "@sluice/core";
import { WorkflowError } from "./workflow-error.js";

/**
 * A loop ran its `max` iterations and its `until` condition never held (with `onMax: "fail"`,
 * the default). `lastOutput` is the last iteration's output, so nothing is lost.
 *
 * @example
 * catch (error) { if (LoopLimitError.isInstance(error)) console.log(error.iterations, error.lastOutput); }
 */
export class LoopLimitError extends WorkflowError {
  readonly iterations: number;
  readonly lastOutput: unknown;

  constructor(path: string, iterations: number, lastOutput: unknown, what = "loop") {
    super(
      "workflow-loop-limit",
      `The ${what} "${path}" reached its maximum of ${iterations} iterations before its condition held. ` +
        'Raise the maximum, or pass onMax: "return" to get the last result instead of this error.',
      path,
    );
    this.iterations = iterations;
    this.lastOutput = lastOutput;
  }
}
