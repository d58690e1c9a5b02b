import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff.js";

describe("backoffDelay", () => {
  it("doubles from the base delay up to the cap", () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1_000, jitter: "none" as const };
    expect([1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(retry, policy, Math.random))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it("spreads the delay with full or equal jitter", () => {
    const full = { baseDelayMs: 100, maxDelayMs: 10_000, jitter: "full" as const };
    const equal = { ...full, jitter: "equal" as const };
    expect(backoffDelay(3, full, () => 0)).toBe(0);
    expect(backoffDelay(3, full, () => 0.5)).toBe(200);
    expect(backoffDelay(3, equal, () => 0)).toBe(200);
    expect(backoffDelay(3, equal, () => 0.999)).toBeLessThanOrEqual(400);
  });
});
