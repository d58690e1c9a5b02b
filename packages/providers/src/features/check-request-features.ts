import type { ModelRequest } from "@sluice/core";
import type { ModelFamilyAdapter } from "../adapter.js";
import { UnsupportedFeatureError } from "../errors/unsupported-feature-error.js";
import { FEATURE_LABELS, type FeatureName, supportsFeature } from "./family-features.js";

// Native request fields that switch a model's reasoning on.
const REASONING_FIELDS = ["thinking", "reasoning_effort", "reasoningConfig", "reasoning_config"];

// The content-block kinds (`image`, `toolUse`, `reasoningContent`...) the messages hold, tool-result
// contents included, gathered in one pass over the history.
function contentKinds(request: ModelRequest): Set<string> {
  const kinds = new Set<string>();
  const add = (block: object): void => {
    for (const kind in block) if ((block as Record<string, unknown>)[kind]) kinds.add(kind);
  };
  for (const message of request.messages ?? []) {
    for (const block of message.content ?? []) {
      add(block);
      for (const inner of block.toolResult?.content ?? []) add(inner);
    }
  }
  return kinds;
}

function asksForReasoning(request: ModelRequest): boolean {
  const fields = request.additionalModelRequestFields as Record<string, unknown> | undefined;
  if (typeof fields !== "object" || fields === null) return false;
  const inference = fields.inferenceConfig as Record<string, unknown> | undefined;
  return REASONING_FIELDS.some((key) => fields[key] !== undefined || inference?.[key] !== undefined);
}

/**
 * The table features a request uses. Reasoning blocks replayed in the history count as
 * reasoning, tool blocks as tools.
 *
 * @example
 * usedFeatures({ modelId: "m", messages: [{ role: "user", content: [{ text: "hi" }] }] }, true); // ["text", "streaming"]
 */
export function usedFeatures(request: ModelRequest, streaming: boolean): FeatureName[] {
  return featuresOf(request, streaming, contentKinds(request));
}

function featuresOf(request: ModelRequest, streaming: boolean, kinds: Set<string>): FeatureName[] {
  const used = new Set<FeatureName>(["text"]);
  if ((request.system ?? []).some((block) => (block.text ?? "") !== "" || block.guardContent !== undefined)) used.add("systemPrompt");
  if ((request.messages ?? []).length > 1) used.add("multiTurn");
  const tools = (request.toolConfig?.tools ?? []).length > 0 || kinds.has("toolUse") || kinds.has("toolResult");
  if (tools) used.add("tools");
  if (streaming) used.add("streaming");
  if (streaming && tools) used.add("streamedTools");
  if (kinds.has("image")) used.add("images");
  if (kinds.has("document")) used.add("documents");
  if (kinds.has("reasoningContent") || asksForReasoning(request)) used.add("reasoning");
  if ((request.inferenceConfig?.stopSequences ?? []).length > 0) used.add("stopSequences");
  if (request.outputConfig !== undefined || (request.toolConfig?.tools ?? []).some((tool) => tool.toolSpec?.strict === true)) used.add("structuredOutput");
  return [...used];
}

const HINTS: Partial<Record<FeatureName, string>> = {
  systemPrompt: "Put the instructions in the first user message instead, or use a family with system prompts.",
  multiTurn: "Send a single user message, or use a family with multi-turn support.",
  tools: "Remove toolConfig and tool blocks, or use a family that supports tools.",
  streaming: "Call converse() instead of converseStream() (agent option stream: false).",
  streamedTools: "Call converse() when tools are offered, or remove the tools.",
  images: "Remove the image blocks, or use a model that accepts images.",
  documents: "Remove the document blocks, or paste the document text into a text block.",
  reasoning: "Remove reasoning blocks and thinking/reasoning fields, or use a reasoning model.",
  stopSequences: "Remove inferenceConfig.stopSequences.",
  structuredOutput: "Describe the JSON shape in the prompt or use a tool, and drop toolSpec.strict; or use a model with native structured output.",
};

/**
 * Refuses, before any network call, a request that uses a feature the adapter's family does
 * not declare (for this model, where support is partial), native structured output and strict
 * tools included. Also refuses content no InvokeModel adapter translates (video, audio, prompt
 * variables).
 *
 * @example
 * checkRequestFeatures(amazonTitanTextAdapter, requestWithTools, { baseModelId: "amazon.titan-text-express-v1", streaming: false });
 * // throws UnsupportedFeatureError: Amazon Titan Text (amazon-titan-text) does not support tools over InvokeModel. ...
 */
export function checkRequestFeatures(
  adapter: ModelFamilyAdapter,
  request: ModelRequest,
  call: { baseModelId: string | undefined; streaming: boolean },
): void {
  const fail = (feature: string, hint: string): never => {
    throw new UnsupportedFeatureError(adapter.family, adapter.displayName, feature, hint);
  };
  const kinds = contentKinds(request);
  for (const feature of featuresOf(request, call.streaming, kinds)) {
    if (!supportsFeature(adapter.features, feature, call.baseModelId)) {
      const support = adapter.features[feature];
      const limited = typeof support === "object" ? ` (${support.note}; ${call.baseModelId} is not one of them)` : "";
      fail(`${FEATURE_LABELS[feature]}${limited}`, HINTS[feature] ?? "");
    }
  }
  if (kinds.has("video")) fail("video", "Remove the video blocks, or call the model through Converse.");
  if (kinds.has("audio")) fail("audio", "Remove the audio blocks, or call the model through Converse.");
  if (request.promptVariables !== undefined) fail("prompt variables", "Prompt-management prompts only run through Converse.");
}
