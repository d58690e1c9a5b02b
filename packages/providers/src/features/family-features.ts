/**
 * The capabilities compared across families, in the order of the feature table's columns.
 */
export const FEATURE_NAMES = [
  "text",
  "systemPrompt",
  "multiTurn",
  "tools",
  "streaming",
  "streamedTools",
  "images",
  "documents",
  "reasoning",
  "stopSequences",
  "structuredOutput",
  "embeddings",
] as const;

/** One column of the feature table. */
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** How each feature is written in error messages and table headers. */
export const FEATURE_LABELS: Readonly<Record<FeatureName, string>> = {
  text: "text",
  systemPrompt: "system prompt",
  multiTurn: "multi-turn",
  tools: "tools",
  streaming: "streaming",
  streamedTools: "streamed tools",
  images: "images",
  documents: "documents",
  reasoning: "reasoning",
  stopSequences: "stop sequences",
  structuredOutput: "structured output",
  embeddings: "embeddings",
};

/**
 * Support limited to some models of a family. `models` receives the base model ID; an ID the
 * adapter cannot read (provisioned or imported model ARNs) is given the benefit of the doubt.
 *
 * @example
 * const images: PartialSupport = { note: "Llama 3.2 11B/90B and Llama 4 only", models: (id) => /llama3-2-(11|90)b|llama4/.test(id) };
 */
export interface PartialSupport {
  readonly note: string;
  readonly models: (baseModelId: string) => boolean;
}

/** `true`, `false`, or support for some models only. */
export type FeatureSupport = boolean | PartialSupport;

/**
 * A family's declaration of what it supports over InvokeModel.
 *
 * @example
 * const features: FamilyFeatures = { ...NO_FEATURES, text: true, multiTurn: true, streaming: true };
 */
export type FamilyFeatures = Readonly<Record<FeatureName, FeatureSupport>>;

/** Every feature off; spread it and switch on what a family has. */
export const NO_FEATURES: FamilyFeatures = Object.freeze(
  Object.fromEntries(FEATURE_NAMES.map((name) => [name, false])) as Record<FeatureName, FeatureSupport>,
);

/**
 * Whether a family supports a feature for one model. `baseModelId` is `undefined` when the
 * model ID does not name a foundation model; partial support then counts as support.
 *
 * @example
 * supportsFeature(metaLlamaAdapter.features, "images", "meta.llama3-8b-instruct-v1:0"); // false
 */
export function supportsFeature(features: FamilyFeatures, feature: FeatureName, baseModelId: string | undefined): boolean {
  const support = features[feature];
  if (typeof support === "boolean") return support;
  return baseModelId === undefined || support.models(baseModelId);
}
