import type { TokenUsage } from "@aws-sdk/client-bedrock-runtime";

/** Usage with every counter present (cache counters 0 when the model reported none). */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  cacheReadInputTokens: number;
  cacheWriteInputTokens: number;
}

/** A usage record with every counter at zero. */
export function emptyUsage(): Usage {
  return { inputTokens: 0, outputTokens: 0, totalTokens: 0, cacheReadInputTokens: 0, cacheWriteInputTokens: 0 };
}

/** Adds Bedrock's `TokenUsage` (whose counters may be absent) into `total`, in place. */
export function addUsage(total: Usage, usage: TokenUsage | undefined): Usage {
  if (!usage) return total;
  total.inputTokens += usage.inputTokens ?? 0;
  total.outputTokens += usage.outputTokens ?? 0;
  total.totalTokens += usage.totalTokens ?? 0;
  total.cacheReadInputTokens += usage.cacheReadInputTokens ?? 0;
  total.cacheWriteInputTokens += usage.cacheWriteInputTokens ?? 0;
  return total;
}
