import { SluiceError } from "@sluice/core";

/** Which limit ran out: the whole call's deadline, or the wait between two stream events. */
export type TimeoutKind = "deadline" | "idle";

/**
 * A model call took longer than the timeout middleware allows. The HTTP request was aborted
 * with it, so Bedrock stops generating (and billing) too.
 *
 * @example
 * catch (error) { if (TimeoutError.isInstance(error) && error.kind === "idle") console.warn("stream stalled"); }
 */
export class TimeoutError extends SluiceError {
  readonly kind: TimeoutKind;
  /** The limit that was exceeded, in milliseconds. */
  readonly timeoutMs: number;

  constructor(kind: TimeoutKind, timeoutMs: number, modelId: string) {
    const what =
      kind === "deadline"
        ? `did not finish within its deadline of ${timeoutMs} ms`
        : `sent no stream event for ${timeoutMs} ms (idle timeout)`;
    super("timeout", `The model call to ${modelId} ${what}; the HTTP request was aborted.`, {
      // A stalled stream is often transient; a call that needs more than its whole deadline is not.
      isRetryable: kind === "idle",
    });
    this.kind = kind;
    this.timeoutMs = timeoutMs;
  }
}
