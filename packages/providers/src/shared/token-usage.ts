import type { TokenUsage } from "@aws-sdk/client-bedrock-runtime";
import { asNumber, asRecord, compact } from "./native-values.js";

/** Token counts as read from a native body or header: any of them may be missing. */
export type TokenCounts = Partial<Pick<TokenUsage, "inputTokens" | "outputTokens" | "cacheReadInputTokens" | "cacheWriteInputTokens" | "cacheDetails">>;

/**
 * The counts that are known, the missing ones left out (so that they never hide a count from
 * another source when usage is merged).
 *
 * @example
 * knownUsage({ inputTokens: 5, outputTokens: undefined }); // { inputTokens: 5 }
 */
export function knownUsage(counts: TokenCounts): Partial<TokenUsage> {
  return compact(counts);
}

/**
 * A complete Converse `TokenUsage` from whatever counts are known. `totalTokens` is input +
 * output + cache read + cache write, as Bedrock computes it (input excludes cached tokens).
 *
 * @example
 * completeUsage({ inputTokens: 3, outputTokens: 5 }); // { inputTokens: 3, outputTokens: 5, totalTokens: 8 }
 */
export function completeUsage(usage: Partial<TokenUsage> | undefined): TokenUsage {
  const inputTokens = usage?.inputTokens ?? 0;
  const outputTokens = usage?.outputTokens ?? 0;
  const cacheRead = usage?.cacheReadInputTokens;
  const cacheWrite = usage?.cacheWriteInputTokens;
  return {
    inputTokens,
    outputTokens,
    totalTokens: inputTokens + outputTokens + (cacheRead ?? 0) + (cacheWrite ?? 0),
    ...(cacheRead !== undefined && { cacheReadInputTokens: cacheRead }),
    ...(cacheWrite !== undefined && { cacheWriteInputTokens: cacheWrite }),
    ...(usage?.cacheDetails !== undefined && { cacheDetails: usage.cacheDetails }),
  };
}

function headerNumber(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/** Token counts and latency InvokeModel reports in its response headers. */
export interface HeaderMetrics {
  usage: Partial<TokenUsage>;
  latencyMs: number | undefined;
}

/**
 * Reads `X-Amzn-Bedrock-{Input,Output,Cache-Read-Input,Cache-Write-Input}-Token-Count` and
 * `X-Amzn-Bedrock-Invocation-Latency` (header names compared in lower case).
 *
 * @example
 * usageFromHeaders({ "x-amzn-bedrock-input-token-count": "21", "x-amzn-bedrock-output-token-count": "22" }).usage;
 * // { inputTokens: 21, outputTokens: 22 }
 */
export function usageFromHeaders(headers: Readonly<Record<string, string | undefined>>): HeaderMetrics {
  const lower: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = value;
  const usage = knownUsage({
    inputTokens: headerNumber(lower["x-amzn-bedrock-input-token-count"]),
    outputTokens: headerNumber(lower["x-amzn-bedrock-output-token-count"]),
    cacheReadInputTokens: headerNumber(lower["x-amzn-bedrock-cache-read-input-token-count"]),
    cacheWriteInputTokens: headerNumber(lower["x-amzn-bedrock-cache-write-input-token-count"]),
  });
  return { usage, latencyMs: headerNumber(lower["x-amzn-bedrock-invocation-latency"]) };
}

/**
 * Reads the `amazon-bedrock-invocationMetrics` object Bedrock merges into the last chunk of
 * every InvokeModelWithResponseStream response.
 *
 * @example
 * usageFromInvocationMetrics({ inputTokenCount: 10, outputTokenCount: 60, invocationLatency: 1686 });
 * // { usage: { inputTokens: 10, outputTokens: 60 }, latencyMs: 1686 }
 */
export function usageFromInvocationMetrics(metrics: unknown): HeaderMetrics | undefined {
  const record = asRecord(metrics);
  if (!record) return undefined;
  const usage = knownUsage({
    inputTokens: asNumber(record.inputTokenCount),
    outputTokens: asNumber(record.outputTokenCount),
    cacheReadInputTokens: asNumber(record.cacheReadInputTokenCount),
    cacheWriteInputTokens: asNumber(record.cacheWriteInputTokenCount),
  });
  return { usage, latencyMs: asNumber(record.invocationLatency) };
}

/**
 * Counts from a better source override those from a weaker one, key by key.
 *
 * @example
 * mergeUsage({ inputTokens: 1, outputTokens: 2 }, { outputTokens: 5 }); // { inputTokens: 1, outputTokens: 5 }
 */
export function mergeUsage(weaker: Partial<TokenUsage> | undefined, stronger: Partial<TokenUsage> | undefined): Partial<TokenUsage> {
  const merged: Partial<TokenUsage> = { ...weaker };
  for (const [key, value] of Object.entries(stronger ?? {})) {
    if (typeof value === "number") (merged as Record<string, number>)[key] = value;
  }
  return merged;
}
