import type { TokenUsage } from "@aws-sdk/client-bedrock-runtime";

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
  };
}

function headerNumber(headers: Readonly<Record<string, string | undefined>>, name: string): number | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()];
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
  const usage: Partial<TokenUsage> = {};
  const input = headerNumber(lower, "x-amzn-bedrock-input-token-count");
  const output = headerNumber(lower, "x-amzn-bedrock-output-token-count");
  const cacheRead = headerNumber(lower, "x-amzn-bedrock-cache-read-input-token-count");
  const cacheWrite = headerNumber(lower, "x-amzn-bedrock-cache-write-input-token-count");
  if (input !== undefined) usage.inputTokens = input;
  if (output !== undefined) usage.outputTokens = output;
  if (cacheRead !== undefined) usage.cacheReadInputTokens = cacheRead;
  if (cacheWrite !== undefined) usage.cacheWriteInputTokens = cacheWrite;
  return { usage, latencyMs: headerNumber(lower, "x-amzn-bedrock-invocation-latency") };
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
  if (typeof metrics !== "object" || metrics === null) return undefined;
  const record = metrics as Record<string, unknown>;
  const number = (key: string): number | undefined => (typeof record[key] === "number" ? (record[key] as number) : undefined);
  const usage: Partial<TokenUsage> = {};
  const input = number("inputTokenCount");
  const output = number("outputTokenCount");
  const cacheRead = number("cacheReadInputTokenCount");
  const cacheWrite = number("cacheWriteInputTokenCount");
  if (input !== undefined) usage.inputTokens = input;
  if (output !== undefined) usage.outputTokens = output;
  if (cacheRead !== undefined) usage.cacheReadInputTokens = cacheRead;
  if (cacheWrite !== undefined) usage.cacheWriteInputTokens = cacheWrite;
  return { usage, latencyMs: number("invocationLatency") };
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
