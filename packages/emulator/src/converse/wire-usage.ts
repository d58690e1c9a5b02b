import type { WireUsage } from "../wire/converse-types.js";

/**
 * Usage as the service sends it: the three required counts, plus both spellings of each cache
 * count the turn reports (`cacheReadInputTokens` and the legacy `cacheReadInputTokenCount`).
 *
 * @example
 * wireUsage({ inputTokens: 1, outputTokens: 2, totalTokens: 3 }); // { inputTokens: 1, outputTokens: 2, totalTokens: 3 }
 */
export function wireUsage(usage: WireUsage): Record<string, unknown> {
  const result: Record<string, unknown> = {
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    totalTokens: usage.totalTokens,
  };
  // Each count comes with its legacy spelling, and only when the model reports it: recordings of
  // newer Claude models carry the read count without a write count when nothing was written.
  if (usage.cacheReadInputTokens !== undefined) {
    result["cacheReadInputTokens"] = usage.cacheReadInputTokens;
    result["cacheReadInputTokenCount"] = usage.cacheReadInputTokens;
  }
  if (usage.cacheWriteInputTokens !== undefined) {
    result["cacheWriteInputTokens"] = usage.cacheWriteInputTokens;
    result["cacheWriteInputTokenCount"] = usage.cacheWriteInputTokens;
  }
  if (usage.cacheDetails !== undefined) result["cacheDetails"] = usage.cacheDetails;
  if (usage.serverToolUsage !== undefined) result["serverToolUsage"] = usage.serverToolUsage;
  return result;
}
