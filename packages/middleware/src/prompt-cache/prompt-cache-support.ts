import { type CacheTtl, defaultCapabilityRegistry, type ModelCapabilityRegistry } from "@sluice/core";

/** Where a request may carry `cachePoint` blocks. */
export type CachePointField = "system" | "tools" | "messages";

/** How a model supports Bedrock prompt caching. */
export interface PromptCacheSupport {
  /** Most cache points in one request (the service refuses more). */
  maxCachePoints: number;
  /** Fewest tokens before a cache point for it to take effect; below it the point is ignored. */
  minimumTokens: number;
  fields: readonly CachePointField[];
  /** TTLs a cache point may ask for; `["5m"]` when not given. */
  ttls?: readonly CacheTtl[];
}

/**
 * Whether (and how) `modelId` supports prompt caching through Converse `cachePoint` blocks, as
 * the model capability registry of `@sluice/core` describes it: Claude 3.5 Haiku, 3.7 Sonnet and
 * the Claude 4 family (1-hour TTLs from Claude 4.5), and Amazon Nova. Inference-profile prefixes
 * and ARNs are understood; an application inference profile is known once a registry with
 * `resolveProfile` has resolved it (pass that registry to `promptCachingMiddleware`).
 *
 * @example
 * promptCacheSupport("us.anthropic.claude-3-7-sonnet-20250219-v1:0"); // { maxCachePoints: 4, minimumTokens: 1024, … }
 * promptCacheSupport("meta.llama3-1-70b-instruct-v1:0"); // undefined
 */
export function promptCacheSupport(modelId: string, registry: ModelCapabilityRegistry = defaultCapabilityRegistry): PromptCacheSupport | undefined {
  return registry.get(modelId).promptCaching;
}
