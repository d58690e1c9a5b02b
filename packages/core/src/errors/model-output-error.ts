import { SluiceError } from "./sluice-error.js";

/**
 * The model's answer cannot be used as it came: a toolUse without an ID or with an ID already
 * used, or a stream that ended without `messageStop` (the answer may be cut off). The model's
 * mistake, not the caller's: the turn is rolled back and the same `send()` may be retried.
 *
 * @example
 * catch (error) { if (ModelOutputError.isInstance(error)) await agent.send(sameInput); }
 */
export class ModelOutputError extends SluiceError {
  /** The model call (step) whose answer was refused. */
  readonly step: number | undefined;

  constructor(message: string, options: { step?: number; cause?: unknown } = {}) {
    super("model-output", message, { cause: options.cause, isRetryable: true });
    this.step = options.step;
  }
}
