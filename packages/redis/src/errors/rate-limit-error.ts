import { SluiceError } from "@sluice/core";

/** Why a rate limiter refused a call: no budget left (`whenLimited: "fail"`), or the wait ran past `maxWaitMs`. */
export type RateLimitReason = "over-budget" | "wait-timeout";

/**
 * A shared rate limit refused a model call before it was sent: nothing was billed, and the agent
 * rolls the turn back. `retryAfterMs` estimates when the budget allows the call (other processes
 * may take it first).
 *
 * @example
 * catch (error) { if (RateLimitError.isInstance(error)) setTimeout(retry, error.retryAfterMs); }
 */
export class RateLimitError extends SluiceError {
  readonly reason: RateLimitReason;
  /** The rate-limit bucket, usually the model ID. */
  readonly bucket: string;
  readonly retryAfterMs: number;

  constructor(reason: RateLimitReason, bucket: string, retryAfterMs: number, detail: string) {
    super(
      "rate-limited",
      reason === "over-budget"
        ? `The shared rate limit of "${bucket}" has no budget for this call now (${detail}); it was not sent. Retry in about ${retryAfterMs} ms, or use whenLimited: "wait".`
        : `Waited ${detail} for the shared rate limit of "${bucket}" without getting a turn; the call was not sent. Raise maxWaitMs or the limit, or send fewer calls.`,
      { isRetryable: true },
    );
    this.reason = reason;
    this.bucket = bucket;
    this.retryAfterMs = retryAfterMs;
  }
}
