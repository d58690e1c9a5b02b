import type { WireUsage } from "../wire/converse-types.js";

/**
 * Usage as the service sends it: the three required counts, plus both spellings of the cache
 * counts (`cacheReadInputTokens` and the legacy `cacheReadInputTokenCount`) when caching applies.
 *
 * @example
 * wireUsage({ inputTokens: 1, outputTokens: 2, totalTokens: 3 }); // { inputTokens: 1, outputTokens: 2, totalTokens: 3 }
 */
export function wireUsage(usage: WireUsage): Record<string, number> {
  const result: Record<string, number> = {
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
  return result;
}
