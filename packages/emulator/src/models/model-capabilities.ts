import { claudeVersion } from "../families/claude-model-traits.js";
import { foundationModelId } from "../families/model-id.js";

/** A cache-point TTL. */
export type CacheTtl = "5m" | "1h";

/** How a model takes Converse `cachePoint` blocks. */
export interface PromptCachingCapability {
  /** Fewest tokens before a cache point for it to be written; shorter prefixes are not cached (no error). */
  readonly minimumTokens: number;
  /** Most cache points in one request. */
  readonly maxCachePoints: number;
  readonly ttls: readonly CacheTtl[];
  /** Where cache points may sit (Nova caches no tool definitions). */
  readonly fields: readonly ("tools" | "system" | "messages")[];
  /**
   * Which cache counts usage carries: `both` always (Claude up to 4.6, zeros when unused),
   * `read-always` (write only when written: Claude Opus 4.7 and later, Sonnet 5), or
   * `when-cached` (both, only when the request has cache points: Nova).
   */
  readonly usage: "both" | "read-always" | "when-cached";
}

/**
 * What one model accepts on Bedrock, as the emulator enforces it. Facts come from the AWS
 * documentation and recorded traffic; a test can override them per model (`modelCapabilities`).
 *
 * @example
 * capabilitiesFor("us.anthropic.claude-haiku-4-5-20251001-v1:0").promptCaching?.ttls; // ["5m", "1h"]
 */
export interface ModelCapabilities {
  readonly promptCaching?: PromptCachingCapability;
  /** Claude extended thinking: `enabled` (with a budget) and, from Claude 4.6, `adaptive` with `output_config.effort`. */
  readonly thinking?: readonly ("enabled" | "adaptive")[];
  /** `outputConfig.textFormat` (native structured output). */
  readonly nativeStructuredOutput: boolean;
  /** `toolSpec.strict`. */
  readonly strictTools: boolean;
  /** CountTokens on bedrock-runtime (addressed by the bare foundation-model ID). */
  readonly countTokens: boolean;
}

const claudeCaching = (minimumTokens: number, version: number): PromptCachingCapability => ({
  minimumTokens,
  maxCachePoints: 4,
  ttls: version >= 4.5 ? ["5m", "1h"] : ["5m"],
  fields: ["tools", "system", "messages"],
  usage: version >= 4.7 ? "read-always" : "both",
});

const novaCaching: PromptCachingCapability = { minimumTokens: 1_000, maxCachePoints: 4, ttls: ["5m"], fields: ["system", "messages"], usage: "when-cached" };

// Native structured output beyond Claude: the open-weight families the AWS documentation lists,
// recorded on Qwen3, MiniMax M2, Mistral Large 3, Gemma 3, Nemotron and GLM.
const STRUCTURED_OUTPUT_PROVIDERS = /^(?:qwen|deepseek|mistral|google|nvidia|minimax|moonshot|moonshotai|zai|openai)\./;

function claudeCapabilities(base: string, version: number): ModelCapabilities {
  const minimum = /claude-3-5-haiku/.test(base) ? 2_048 : /claude-(?:haiku-4-5|opus-4-[5-7])/.test(base) ? 4_096 : 1_024;
  const caches = /claude-3-5-haiku|claude-3-7-sonnet/.test(base) || version >= 4;
  return {
    ...(caches ? { promptCaching: claudeCaching(minimum, version) } : {}),
    ...(version >= 3.7 ? { thinking: version >= 4.6 ? ["enabled", "adaptive"] : ["enabled"] } : {}),
    nativeStructuredOutput: version >= 4.5,
    // Recorded: Claude Sonnet 5 refuses `strict` on a tool.
    strictTools: version >= 4.5 && !/claude-sonnet-5/.test(base),
    // The docs: models launched for cross-region inference only (Claude 4.6 on) count tokens on bedrock-mantle instead.
    countTokens: version >= 3.5 && version < 4.6,
  };
}

/**
 * The capabilities of a model ID (base ID, inference profile or ARN); `overrides` (by base model
 * ID or the ID as routed) replace single fields.
 *
 * @example
 * capabilitiesFor("amazon.nova-lite-v1:0").promptCaching?.fields; // ["system", "messages"]
 * capabilitiesFor("meta.llama3-1-8b-instruct-v1:0").promptCaching; // undefined
 */
export function capabilitiesFor(modelId: string, overrides: Readonly<Record<string, Partial<ModelCapabilities>>> = {}): ModelCapabilities {
  const base = foundationModelId(modelId);
  const version = claudeVersion(base);
  const known: ModelCapabilities =
    version !== undefined
      ? claudeCapabilities(base, version)
      : {
          ...(/^amazon\.nova-(?:micro|lite|pro|premier|2-lite|2-pro|2-omni)/.test(base) ? { promptCaching: novaCaching } : {}),
          nativeStructuredOutput: STRUCTURED_OUTPUT_PROVIDERS.test(base),
          strictTools: STRUCTURED_OUTPUT_PROVIDERS.test(base),
          countTokens: false,
        };
  return { ...known, ...overrides[base], ...overrides[modelId] };
}
