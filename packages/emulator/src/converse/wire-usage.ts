import type { WireUsage } from "../wire/converse-types.js";

/**
 * Usage as the service sends it: the three required counts, plus both spellings of the cache
 * counts (`cacheReadInputTokens` and the legacy `cacheReadInputTokenCount`) when caching applies.
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
  if (usage.cacheReadInputTokens !== undefined || usage.cacheWriteInputTokens !== undefined) {
    const read = usage.cacheReadInputTokens ?? 0;
    const write = usage.cacheWriteInputTokens ?? 0;
    result["cacheReadInputTokens"] = read;
    result["cacheReadInputTokenCount"] = read;
    result["cacheWriteInputTokens"] = write;
    result["cacheWriteInputTokenCount"] = write;
  }
  if (usage.cacheDetails !== undefined) result["cacheDetails"] = usage.cacheDetails;
  if (usage.serverToolUsage !== undefined) result["serverToolUsage"] = usage.serverToolUsage;
  return result;
}
