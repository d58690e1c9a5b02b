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
export { parseModelId, type ParsedModelId } from "./resolve/parse-model-id.js";
export { resolveFamily, type FamilyCandidate, type ResolvedFamily } from "./resolve/resolve-family.js";

// The InvokeModel-backed Model
export { InvokeModelModel, type InvokeModelModelOptions } from "./invoke/invoke-model-model.js";
