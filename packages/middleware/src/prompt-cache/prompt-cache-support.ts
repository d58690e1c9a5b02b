import { baseModelId } from "../shared/model-id.js";

/** Where a request may carry `cachePoint` blocks. */
export type CachePointField = "system" | "tools" | "messages";

/** How a model supports Bedrock prompt caching. */
export interface PromptCacheSupport {
  /** Most cache points in one request (the service refuses more). */
  maxCachePoints: number;
  /** Fewest tokens before a cache point for it to take effect; below it the point is ignored. */
  minimumTokens: number;
  fields: readonly CachePointField[];
}

const claude = (minimumTokens: number): PromptCacheSupport => ({ maxCachePoints: 4, minimumTokens, fields: ["tools", "system", "messages"] });
// Nova caches the system prompt and messages; tool definitions are not a cacheable field.
const nova: PromptCacheSupport = { maxCachePoints: 4, minimumTokens: 1_000, fields: ["system", "messages"] };

/** Base model ID patterns with prompt caching on Bedrock, most specific first. */
const table: ReadonlyArray<[RegExp, PromptCacheSupport]> = [
  [/^anthropic\.claude-3-5-haiku-/, claude(2_048)],
  [/^anthropic\.claude-3-7-sonnet-/, claude(1_024)],
  [/^anthropic\.claude-(haiku-4-5|opus-4-5|opus-4-6)/, claude(4_096)],
  [/^anthropic\.claude-(sonnet|opus)-4/, claude(1_024)],
  [/^amazon\.nova-(micro|lite|pro|premier)-v1/, nova],
  [/^amazon\.nova-2-/, nova],
];

/**
 * Whether (and how) `modelId` supports prompt caching through Converse `cachePoint` blocks:
 * Claude 3.5 Haiku, 3.7 Sonnet and the Claude 4 family, and Amazon Nova. Inference-profile
 * prefixes and foundation-model ARNs are understood; for an application inference profile or
 * a provisioned model ARN, pass `support` to `promptCachingMiddleware` yourself.
 *
 * @example
 * promptCacheSupport("us.anthropic.claude-3-7-sonnet-20250219-v1:0"); // { maxCachePoints: 4, minimumTokens: 1024, … }
 * promptCacheSupport("meta.llama3-1-70b-instruct-v1:0"); // undefined
 */
export function promptCacheSupport(modelId: string): PromptCacheSupport | undefined {
  const base = baseModelId(modelId);
  return table.find(([pattern]) => pattern.test(base))?.[1];
}
