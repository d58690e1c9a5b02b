import { describe, expect, it } from "vitest";
import { completeUsage, knownUsage, mergeUsage, usageFromHeaders, usageFromInvocationMetrics } from "./token-usage.js";

describe("token usage", () => {
  it("keeps only the counts that are known, the missing ones left out", () => {
    expect(knownUsage({ inputTokens: 5, outputTokens: undefined, cacheReadInputTokens: 0 })).toStrictEqual({ inputTokens: 5, cacheReadInputTokens: 0 });
    expect(knownUsage({})).toStrictEqual({});
  });

  it("reads the token and latency headers in any case", () => {
    expect(
      usageFromHeaders({
        "X-Amzn-Bedrock-Input-Token-Count": "4",
        "x-amzn-bedrock-output-token-count": "50",
        "x-amzn-bedrock-cache-read-input-token-count": "0",
        "x-amzn-bedrock-cache-write-input-token-count": "18131",
        "x-amzn-bedrock-invocation-latency": "7275",
        "x-amzn-bedrock-other": "x",
      }),
    ).toEqual({ usage: { inputTokens: 4, outputTokens: 50, cacheReadInputTokens: 0, cacheWriteInputTokens: 18131 }, latencyMs: 7275 });
    expect(usageFromHeaders({ "x-amzn-bedrock-input-token-count": "n/a" })).toEqual({ usage: {}, latencyMs: undefined });
  });

  it("reads a stream's invocation metrics", () => {
    expect(usageFromInvocationMetrics({ inputTokenCount: 30, outputTokenCount: 55, invocationLatency: 851, firstByteLatency: 354, cacheReadInputTokenCount: 0 })).toEqual({
      usage: { inputTokens: 30, outputTokens: 55, cacheReadInputTokens: 0 },
      latencyMs: 851,
    });
    expect(usageFromInvocationMetrics("nothing")).toBeUndefined();
  });

  it("totals input, output and cache tokens, and lets the stronger source win", () => {
    expect(completeUsage({ inputTokens: 4, outputTokens: 50, cacheWriteInputTokens: 18131 })).toEqual({
      inputTokens: 4,
      outputTokens: 50,
      cacheWriteInputTokens: 18131,
      totalTokens: 18185,
    });
    expect(completeUsage(undefined)).toEqual({ inputTokens: 0, outputTokens: 0, totalTokens: 0 });
    expect(mergeUsage({ inputTokens: 30 }, { inputTokens: 31, outputTokens: 2 })).toEqual({ inputTokens: 31, outputTokens: 2 });
  });
});
