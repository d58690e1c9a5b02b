// Public API of @sluice/providers: InvokeModel adapters for every Bedrock model family.

// Adapter contract and feature declarations
export type { AdapterContext, ModelFamilyAdapter, NativeBody, NativeStreamDecoder, NativeTurn } from "./adapter.js";
export {
  FEATURE_LABELS,
  FEATURE_NAMES,
  NO_FEATURES,
  supportsFeature,
  type FamilyFeatures,
  type FeatureName,
  type FeatureSupport,
  type PartialSupport,
} from "./features/family-features.js";
export { checkRequestFeatures, usedFeatures } from "./features/check-request-features.js";
export { ConverseStreamWriter } from "./shared/converse-stream-writer.js";

// Errors
export { UnsupportedFeatureError } from "./errors/unsupported-feature-error.js";
export { NativeResponseError } from "./errors/native-response-error.js";

// Families and resolution
export { MODEL_FAMILY_ADAPTERS } from "./families/model-family-adapters.js";
export { anthropicClaudeAdapter } from "./families/anthropic-claude/anthropic-claude-adapter.js";
export { anthropicClaudeTextAdapter } from "./families/anthropic-claude/anthropic-claude-text-adapter.js";
export { amazonNovaAdapter } from "./families/amazon-nova/amazon-nova-adapter.js";
export { amazonTitanTextAdapter } from "./families/amazon-titan-text/amazon-titan-text-adapter.js";
export { metaLlamaAdapter } from "./families/meta-llama/meta-llama-adapter.js";
export { mistralChatAdapter } from "./families/mistral/mistral-chat-adapter.js";
export { mistralInstructAdapter } from "./families/mistral/mistral-instruct-adapter.js";
export { cohereCommandRAdapter } from "./families/cohere-command/cohere-command-r-adapter.js";
export { cohereCommandTextAdapter } from "./families/cohere-command/cohere-command-text-adapter.js";
export { ai21JambaAdapter } from "./families/ai21/ai21-jamba-adapter.js";
export { ai21JurassicAdapter } from "./families/ai21/ai21-jurassic-adapter.js";
export { deepseekAdapter } from "./families/deepseek/deepseek-adapter.js";
export { openaiGptOssAdapter } from "./families/openai-gpt-oss/openai-gpt-oss-adapter.js";
export { OPEN_WEIGHT_CHAT_ADAPTERS } from "./families/open-weight-chat/open-weight-chat-adapters.js";
export { openWeightChatAdapter, type OpenWeightChatFamily } from "./families/open-weight-chat/open-weight-chat-adapter.js";
export { familyByName, resolveFamily, type FamilyCandidate, type ResolvedFamily } from "./resolve/resolve-family.js";

// The InvokeModel-backed Model
export { InvokeModelModel, type InvokeModelModelOptions } from "./invoke/invoke-model-model.js";
export { invokeModel, type InvokeModelOptions } from "./invoke/invoke-model.js";

// Embeddings
export { embed, EMBEDDING_FAMILY_ADAPTERS, type EmbedOptions, type EmbedResult } from "./embeddings/embed.js";
export type { EmbeddingFamilyAdapter, EmbeddingInputType, EmbeddingRequest } from "./embeddings/embedding-adapter.js";
export { amazonTitanEmbeddingAdapter } from "./embeddings/amazon-titan-embedding-adapter.js";
export { cohereEmbeddingAdapter } from "./embeddings/cohere-embedding-adapter.js";
export { amazonNovaEmbeddingAdapter } from "./embeddings/amazon-nova-embedding-adapter.js";

// Feature table
export { renderFeatureTable, withFeatureTable, FEATURE_TABLE_START, FEATURE_TABLE_END } from "./features/feature-table.js";
