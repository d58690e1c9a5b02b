import { SluiceError } from "@sluice/core";

/**
 * A stream failed with a retryable error after part of the answer had already reached the
 * caller, so it was not retried (replaying would show the caller the same text twice). `cause`
 * holds the original error, usually a `BedrockError` with `inStream: true`. The agent rolls
 * the turn back, so the conversation stays valid; send the input again to retry.
 *
 * @example
 * catch (error) { if (StreamInterruptedError.isInstance(error)) ui.showRetryButton(); }
 */
export class StreamInterruptedError extends SluiceError {
  /** The error name from Bedrock when known, e.g. `ThrottlingException`. */
  readonly errorName: string | undefined;
  /** Attempts made before this one failed midway. */
  readonly attempts: number;

  constructor(cause: unknown, attempts: number) {
    const errorName = (cause as { errorName?: unknown })?.errorName;
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(
      "stream-interrupted",
      `The model's stream failed after part of the answer was delivered, so it was not retried: ${detail}`,
      { cause },
    );
    this.errorName = typeof errorName === "string" ? errorName : undefined;
    this.attempts = attempts;
  }
}
