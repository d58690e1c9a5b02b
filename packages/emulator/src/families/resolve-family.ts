import type { FamilyResolver } from "../models/model-catalog.js";
import type { ModelFamily } from "./model-family.js";
import { ai21JambaFamily } from "./ai21-jamba.js";
import { ai21JurassicFamily } from "./ai21-jurassic.js";
import { amazonNovaFamily } from "./amazon-nova.js";
import { amazonNovaEmbeddingsFamily } from "./amazon-nova-embeddings.js";
import { amazonTitanEmbeddingsFamily } from "./amazon-titan-embeddings.js";
import { amazonTitanTextFamily } from "./amazon-titan-text.js";
import { anthropicClaudeFamily } from "./anthropic-claude.js";
import { anthropicClaudeTextCompletionFamily } from "./anthropic-claude-text-completion.js";
import { cohereCommandFamily } from "./cohere-command.js";
import { cohereCommandLegacyFamily } from "./cohere-command-legacy.js";
import { cohereEmbedFamily } from "./cohere-embed.js";
import { deepSeekFamily } from "./deepseek.js";
import { metaLlamaFamily } from "./meta-llama.js";
import { mistralFamily } from "./mistral.js";
import { openAiGptOssFamily } from "./openai-gpt-oss.js";
import { openWeightChatFamilies } from "./open-weight-chat-families.js";

/**
 * Every native InvokeModel family the emulator serves. Their `matches` patterns do not overlap,
 * so the order only matters for readability.
 *
 * @example
 * families.map((family) => family.name); // ["anthropic-claude", "anthropic-claude-text-completion", …]
 */
export const families: readonly ModelFamily[] = Object.freeze([
  anthropicClaudeFamily,
  anthropicClaudeTextCompletionFamily,
  amazonNovaFamily,
  amazonNovaEmbeddingsFamily,
  amazonTitanTextFamily,
  amazonTitanEmbeddingsFamily,
  metaLlamaFamily,
  mistralFamily,
  cohereCommandFamily,
  cohereCommandLegacyFamily,
  cohereEmbedFamily,
  ai21JambaFamily,
  ai21JurassicFamily,
  deepSeekFamily,
  openAiGptOssFamily,
  ...openWeightChatFamilies,
]);

/**
 * An override that names no family: a configuration mistake, reported when the model is resolved.
 *
 * @example
 * try { resolveFamily("arn:…", { "arn:…": "claude" }); } catch (error) { error instanceof UnknownFamilyError; }
 */
export class UnknownFamilyError extends Error {
  override readonly name = "UnknownFamilyError";
  constructor(
    readonly modelId: string,
    readonly familyName: string,
    known: readonly ModelFamily[] = families,
  ) {
    super(`Model ${modelId} is mapped to family "${familyName}", which does not exist. Use one of: ${known.map((family) => family.name).join(", ")}.`);
  }
}

/**
 * The family serving a decoded model ID, or undefined when none does (the server then answers
 * "The provided model identifier is invalid."). `overrides` maps opaque identifiers (application
 * inference profile or provisioned-model ARNs) to a family name.
 *
 * @example
 * resolveFamily("arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-tg1-large")?.name; // "amazon-titan-text"
 * resolveFamily("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc", {
 *   "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc": "anthropic-claude",
 * })?.name; // "anthropic-claude"
 */
export function resolveFamily(modelId: string, overrides?: Record<string, string>): ModelFamily | undefined {
  return familyFrom(families, modelId, overrides);
}

/**
 * A resolver like {@link resolveFamily} over another list of families (the `families` option).
 *
 * @example
 * const resolve = listFamilyResolver([]);
 * resolve("anthropic.claude-3-haiku-20240307-v1:0"); // undefined
 */
export function listFamilyResolver(list: readonly ModelFamily[]): FamilyResolver {
  return (modelId, overrides) => familyFrom(list, modelId, overrides);
}

function familyFrom(list: readonly ModelFamily[], modelId: string, overrides: Record<string, string> | undefined): ModelFamily | undefined {
  const override = overrides?.[modelId];
  if (override !== undefined) {
    const named = list.find((family) => family.name === override);
    if (named === undefined) throw new UnknownFamilyError(modelId, override, list);
    return named;
  }
  return list.find((family) => family.matches(modelId));
}
