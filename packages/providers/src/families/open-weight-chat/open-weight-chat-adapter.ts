import type { ContentBlock } from "@aws-sdk/client-bedrock-runtime";
import type { ModelRequest } from "@sluice/core";
import type { ModelFamilyAdapter, NativeBody } from "../../adapter.js";
import { NO_FEATURES, type FamilyFeatures, type FeatureSupport } from "../../features/family-features.js";
import { type ChatChoice, chatMessages, chatTools, createChatCompletionDecoder, parseChatCompletion } from "../../shared/chat-completions.js";
import { additionalFields, inferenceSettings } from "../../shared/converse-content.js";
import { compact } from "../../shared/native-values.js";
import { chatResponseFormat } from "../../shared/structured-output.js";

/** What sets one open-weight chat family apart: its name, its model IDs and what its models do. */
export interface OpenWeightChatFamily {
  family: string;
  displayName: string;
  exampleModelIds: readonly string[];
  /** Base model IDs this family serves. */
  pattern: RegExp;
  reasoning: FeatureSupport;
  images: FeatureSupport;
}

/** `reasoning_content` (when the model thought) as a reasoning block, then the answer text. */
function reasoningThenText(choice: ChatChoice): ContentBlock[] {
  const blocks: ContentBlock[] = [];
  if (choice.reasoning !== undefined && choice.reasoning.trim() !== "") blocks.push({ reasoningContent: { reasoningText: { text: choice.reasoning } } });
  if (choice.text.trim() !== "") blocks.push({ text: choice.text });
  return blocks;
}

function buildRequest(spec: OpenWeightChatFamily, request: ModelRequest): NativeBody {
  const settings = inferenceSettings(request);
  // `model` and `stream` are left out: Bedrock fills them in from the path and the operation.
  return compact({
    messages: chatMessages(request, { systemRole: "system", toolCallType: true, imageParts: spec.images !== false }),
    ...chatTools(request, "required"),
    max_tokens: settings.maxTokens,
    temperature: settings.temperature,
    top_p: settings.topP,
    stop: settings.stopSequences,
    ...chatResponseFormat(request, spec.family, spec.displayName),
    ...additionalFields(request),
  });
}

/**
 * An adapter for an open-weight family that Bedrock serves with the OpenAI Chat Completions body
 * (Qwen3, DeepSeek V3.x, MiniMax, Kimi, GLM, Gemma, Nemotron): system, user, assistant
 * `tool_calls` and `tool` messages, `tools` / `tool_choice` (strict functions kept),
 * `max_tokens`, `stop`, native structured output as `response_format`, and the model's own
 * fields (e.g. Qwen's `reasoning_config`) from `additionalModelRequestFields`. The answer's
 * `reasoning_content` becomes reasoning blocks, streamed or not.
 *
 * @example
 * const qwen = openWeightChatAdapter({ family: "qwen", displayName: "Qwen", exampleModelIds: ["qwen.qwen3-32b-v1:0"], pattern: /^qwen\.qwen3/, reasoning: true, images: false });
 * qwen.matches("qwen.qwen3-32b-v1:0"); // true
 */
export function openWeightChatAdapter(spec: OpenWeightChatFamily): ModelFamilyAdapter {
  const features: FamilyFeatures = {
    ...NO_FEATURES,
    text: true,
    systemPrompt: true,
    multiTurn: true,
    tools: true,
    streaming: true,
    streamedTools: true,
    images: spec.images,
    reasoning: spec.reasoning,
    stopSequences: true,
    structuredOutput: true,
  };
  return {
    family: spec.family,
    displayName: spec.displayName,
    exampleModelIds: spec.exampleModelIds,
    features,
    matches: (id) => spec.pattern.test(id),
    buildRequest: (request) => buildRequest(spec, request),
    parseResponse: (body) => parseChatCompletion(spec.family, body, reasoningThenText),
    createStreamDecoder: (writer) => createChatCompletionDecoder(writer),
  };
}
