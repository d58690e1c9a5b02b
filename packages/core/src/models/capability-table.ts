import type { ModelCapabilities, PromptCachingCapability } from "./model-capabilities.js";

const none: ModelCapabilities = {
  known: true,
  nativeStructuredOutput: false,
  strictTools: false,
  countTokens: false,
  images: false,
  documents: false,
  citations: false,
};

/**
 * The generation of a Claude Messages model ID as a number (3.5, 4, 4.5, 5 …); dates are not
 * minor versions. `undefined` for other models.
 *
 * @example
 * claudeGeneration("anthropic.claude-sonnet-4-5-20250929-v1:0"); // 4.5
 */
function claudeGeneration(base: string): number | undefined {
  const match =
    /^anthropic\.claude-(\d)(?:-(\d)(?!\d))?-(?:sonnet|haiku|opus)/.exec(base) ?? /^anthropic\.claude-(?:sonnet|haiku|opus|mythos|fable)-(\d)(?:-(\d)(?!\d))?/.exec(base);
  if (match === null) return /^anthropic\.claude-(?:mythos|fable)/.test(base) ? 5 : undefined;
  return Number(match[1]) + Number(match[2] ?? 0) / 10;
}

function claude(base: string, version: number): ModelCapabilities {
  const minimumTokens = /claude-3-5-haiku/.test(base) ? 2_048 : /claude-(?:haiku-4-5|opus-4-[5-7])/.test(base) ? 4_096 : 1_024;
  const caches = /claude-3-5-haiku|claude-3-7-sonnet/.test(base) || version >= 4;
  const promptCaching: PromptCachingCapability = {
    minimumTokens,
    maxCachePoints: 4,
    ttls: version >= 4.5 ? ["5m", "1h"] : ["5m"],
    fields: ["tools", "system", "messages"],
  };
  // AWS docs: Opus 4.7 and the models after it take adaptive thinking only; 4.6 takes both.
  const adaptiveOnly = version >= 4.7 && !/claude-sonnet-/.test(base);
  const modes = version >= 4.6 ? (adaptiveOnly ? (["adaptive"] as const) : (["enabled", "adaptive"] as const)) : (["enabled"] as const);
  return {
    ...none,
    ...(caches && { promptCaching }),
    ...(version >= 3.7 && { reasoning: { modes, effort: version >= 4.6 } }),
    nativeStructuredOutput: version >= 4.5,
    // Recorded: Claude Sonnet 5 refuses `strict` on a tool.
    strictTools: version >= 4.5 && !/claude-sonnet-5/.test(base),
    // Models launched for cross-region inference only (Claude 4.6 on) count tokens on bedrock-mantle, not bedrock-runtime.
    countTokens: version >= 3.5 && version < 4.6,
    images: version >= 3,
    documents: version >= 3,
    citations: version >= 3.5,
  };
}

const novaCaching: PromptCachingCapability = { minimumTokens: 1_000, maxCachePoints: 4, ttls: ["5m"], fields: ["system", "messages"] };

// Open-weight families with JSON-schema output and strict tools (AWS structured-output documentation; recorded on several).
const STRUCTURED_OUTPUT = /^(?:qwen|deepseek|google|nvidia|minimax|moonshot|moonshotai|zai|openai)\.|^mistral\.mistral-large-3/;
const OTHER_FAMILIES = /^(?:meta|mistral|amazon\.titan|cohere|ai21|writer|twelvelabs|stability|luma)\./;

/**
 * The built-in capabilities of a foundation-model ID, or `undefined` when the table does not know it.
 *
 * @example
 * builtInCapabilities("amazon.nova-lite-v1:0")?.promptCaching?.fields; // ["system", "messages"]
 */
export function builtInCapabilities(base: string): ModelCapabilities | undefined {
  const version = claudeGeneration(base);
  if (version !== undefined) return claude(base, version);
  if (/^amazon\.nova-/.test(base)) {
    const multimodal = !/nova-micro/.test(base) && !/embed|sonic|canvas|reel/.test(base);
    const caches = /^amazon\.nova-(?:micro|lite|pro|premier|2-lite|2-pro|2-omni)/.test(base);
    return { ...none, ...(caches && { promptCaching: novaCaching }), images: multimodal, documents: multimodal };
  }
  if (STRUCTURED_OUTPUT.test(base)) {
    const images = /vl|gemma-3|mistral-large-3|pixtral|llama4/.test(base);
    return { ...none, nativeStructuredOutput: true, strictTools: true, images };
  }
  if (OTHER_FAMILIES.test(base)) return { ...none, images: /llama3-2-(?:11|90)b|llama4/.test(base) };
  return undefined;
}

/** What an unknown model gets: every feature off. */
export const unknownModelCapabilities: ModelCapabilities = { ...none, known: false };
