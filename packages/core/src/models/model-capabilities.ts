/** A prompt-cache point's time to live. */
export type CacheTtl = "5m" | "1h";

/** Where a request may carry `cachePoint` blocks. */
export type CachePointField = "system" | "tools" | "messages";

/** The tiers Bedrock's `serviceTier.type` takes. */
export const serviceTierNames = ["default", "flex", "priority", "reserved"] as const;

/** A Bedrock service tier (`serviceTier.type`). */
export type ServiceTierName = (typeof serviceTierNames)[number];

/** Claude's reasoning modes: `enabled` (with `budget_tokens`) and `adaptive` (the model decides, steered by effort). */
export type ReasoningMode = "enabled" | "adaptive";

/** How a model takes Converse `cachePoint` blocks. */
export interface PromptCachingCapability {
  /** Fewest tokens before a cache point for it to take effect; below it the point is ignored. */
  readonly minimumTokens: number;
  /** Most cache points in one request (the service refuses more). */
  readonly maxCachePoints: number;
  /** The TTLs a cache point may ask for. */
  readonly ttls: readonly CacheTtl[];
  readonly fields: readonly CachePointField[];
}

/** How a model reasons before it answers, as settable through Converse. */
export interface ReasoningCapability {
  readonly modes: readonly ReasoningMode[];
  /** `outputConfig.effort` (low … max). */
  readonly effort: boolean;
}

/**
 * What one model supports on Bedrock. `known: false` marks a model the registry has no entry for
 * (every feature off) until you describe it with an override.
 *
 * @example
 * const capabilities: ModelCapabilities = modelCapabilities("us.anthropic.claude-haiku-4-5-20251001-v1:0");
 * capabilities.promptCaching?.ttls; // ["5m", "1h"]
 */
export interface ModelCapabilities {
  readonly known: boolean;
  readonly promptCaching?: PromptCachingCapability;
  readonly reasoning?: ReasoningCapability;
  /** `outputConfig.textFormat` (JSON schema output). */
  readonly nativeStructuredOutput: boolean;
  /** `toolSpec.strict`. */
  readonly strictTools: boolean;
  /** CountTokens on bedrock-runtime (by the bare foundation-model ID). */
  readonly countTokens: boolean;
  /** Service tiers the model is documented with; `undefined` when not known (any tier is sent as asked). */
  readonly serviceTiers?: readonly ServiceTierName[];
  readonly images: boolean;
  readonly documents: boolean;
  readonly citations: boolean;
}

/** Fields to replace in a model's capabilities (for models the registry does not know, or to correct it). */
export type ModelCapabilityOverride = Partial<Omit<ModelCapabilities, "known">>;
