/** How the delay before a retry is spread: see `backoffDelay`. */
export type Jitter = "full" | "equal" | "none";

/** The numbers `backoffDelay` works from. */
export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  jitter: Jitter;
}

/**
 * The delay before retry number `retry` (1 for the first retry): exponential
 * (`baseDelayMs × 2^(retry-1)`, capped at `maxDelayMs`), then spread by the jitter so that
 * many throttled clients do not retry in lockstep. `full` picks uniformly in [0, delay],
 * `equal` in [delay/2, delay], `none` uses the delay as is.
 *
 * @example
 * backoffDelay(3, { baseDelayMs: 100, maxDelayMs: 5_000, jitter: "none" }, Math.random); // 400
 */
export function backoffDelay(retry: number, policy: BackoffPolicy, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  switch (policy.jitter) {
    case "full":
      return Math.round(random() * exponential);
    case "equal":
      return Math.round(exponential / 2 + (random() * exponential) / 2);
    default:
      return exponential;
  }
}
