import { ConfigurationError, type MiddlewareObject } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { usageMiddleware } from "../usage/usage-middleware.js";
import { recommendedMiddleware } from "./recommended-middleware.js";

describe("recommendedMiddleware", () => {
  it("builds the chosen built-ins in the recommended order, whatever order they are given in", () => {
    const usage = usageMiddleware();
    const stack = recommendedMiddleware({ timeout: { deadlineMs: 1_000 }, retry: true, usage, tracing: true, responseCache: false, logging: { level: "error" } });
    expect(stack.map((entry) => (entry as MiddlewareObject).name)).toEqual(["tracing", "logging", "usage", "retry", "timeout"]);
    expect(stack[2]).toBe(usage);
  });

  it("passes options through to each factory's validation", () => {
    expect(() => recommendedMiddleware({ retry: { maxAttempts: 0 } })).toThrow(/retryMiddleware: maxAttempts/);
    expect(() => recommendedMiddleware({ timeout: true as never })).toThrow(ConfigurationError);
    expect(() => recommendedMiddleware({ cache: true } as never)).toThrow(/unknown option "cache"/);
  });
});
