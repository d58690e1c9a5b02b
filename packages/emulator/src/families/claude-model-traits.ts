import { foundationModelId } from "./model-id.js";

/**
 * How a Claude model's native Messages body differs by generation, as recorded on Bedrock:
 * which usage fields it reports and which request shapes it accepts.
 */
export interface ClaudeModelTraits {
  /** `cache_creation_input_tokens` / `cache_read_input_tokens` (Claude 3 models of 2024 have none). */
  readonly cacheCounts: boolean;
  /** `usage.cache_creation` split by TTL (`ephemeral_5m_input_tokens`, `ephemeral_1h_input_tokens`): Claude 4.5 on. */
  readonly cacheCreationByTtl: boolean;
  /** `stop_details`, `usage.output_tokens_details` and `usage.service_tier`: first recorded on Claude Opus 4.8 and Sonnet 5. */
  readonly responseDetails: boolean;
  /** A `system` role message inside `messages` (recorded on Claude Opus 4.8). */
  readonly systemMessages: boolean;
}

/**
 * The generation of a Claude model ID as a number (3.5, 4, 4.5, 5, …); undefined when the ID is
 * not a Claude Messages model. Dates (`-20250514`) are not minor versions.
 *
 * @example
 * claudeVersion("us.anthropic.claude-sonnet-4-5-20250929-v1:0"); // 4.5
 * claudeVersion("anthropic.claude-3-7-sonnet-20250219-v1:0"); // 3.7
 */
export function claudeVersion(modelId: string): number | undefined {
  const base = foundationModelId(modelId);
  const numberFirst = /^anthropic\.claude-(\d)(?:-(\d)(?!\d))?-(?:sonnet|haiku|opus)/.exec(base);
  const tierFirst = /^anthropic\.claude-(?:sonnet|haiku|opus)-(\d)(?:-(\d)(?!\d))?/.exec(base);
  const match = numberFirst ?? tierFirst;
  if (match === null) return undefined;
  return Number(match[1]) + Number(match[2] ?? 0) / 10;
}

// Claude 3 (2024) models predate prompt caching on Bedrock; their usage has no cache fields.
const WITHOUT_CACHE_COUNTS = /^anthropic\.claude-(?:3-(?:sonnet|opus|haiku)-2024|instant|v2)/;

/**
 * The traits of a Claude model (base ID, inference profile or ARN). Unknown IDs get the newest
 * known shape, since a model the emulator cannot date is most likely a newer one.
 *
 * @example
 * claudeModelTraits("us.anthropic.claude-opus-4-8").systemMessages; // true
 * claudeModelTraits("anthropic.claude-3-haiku-20240307-v1:0").cacheCounts; // false
 */
export function claudeModelTraits(modelId: string): ClaudeModelTraits {
  const version = claudeVersion(modelId) ?? Number.POSITIVE_INFINITY;
  return {
    cacheCounts: !WITHOUT_CACHE_COUNTS.test(foundationModelId(modelId)),
    cacheCreationByTtl: version >= 4.5,
    responseDetails: version >= 4.8,
    systemMessages: version >= 4.8,
  };
}
