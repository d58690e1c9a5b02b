import { type ModelRequest, modelCapabilities } from "@sluice/core";
import type { ModelFamilyAdapter, NativeBody } from "../../adapter.js";
import { UnsupportedFeatureError } from "../../errors/unsupported-feature-error.js";
import { NO_FEATURES } from "../../features/family-features.js";
import { additionalFields, inferenceSettings } from "../../shared/converse-content.js";
import { chatMessages, chatTools, createChatCompletionDecoder, parseChatCompletion } from "../../shared/chat-completions.js";
import { compact } from "../../shared/native-values.js";
import { chatResponseFormat } from "../../shared/structured-output.js";

const FAMILY = "mistral-chat";
const DISPLAY_NAME = "Mistral (chat)";

function buildMistralChatRequest(request: ModelRequest): NativeBody {
  if (request.toolConfig?.toolChoice?.tool) {
    throw new UnsupportedFeatureError(FAMILY, DISPLAY_NAME, 'tool choice "tool"', 'Use toolChoice { auto: {} } or { any: {} }.');
  }
  const settings = inferenceSettings(request);
  return compact({
    messages: chatMessages(request, { systemRole: "system", toolCallType: false, imageParts: true }),
    ...chatTools(request, "any"),
    ...chatResponseFormat(request, FAMILY, DISPLAY_NAME),
    max_tokens: settings.maxTokens,
    top_p: settings.topP,
    temperature: settings.temperature,
    ...additionalFields(request),
  });
}

/**
 * Mistral chat-completion models (Mistral Large 2407 and later, Mistral Large 3, Pixtral Large): `messages`
 * with system, user, assistant `tool_calls` and `tool` results, `tools`, `tool_choice`
 * (`auto`/`any`), images as data URIs on Pixtral. Bedrock's Mistral answers with `stop_reason`
 * inside each choice; `finish_reason` is read too.
 *
 * @example
 * mistralChatAdapter.matches("mistral.mistral-large-2407-v1:0"); // true
 */
export const mistralChatAdapter: ModelFamilyAdapter = {
  family: FAMILY,
  displayName: DISPLAY_NAME,
  exampleModelIds: ["mistral.mistral-large-2407-v1:0", "us.mistral.pixtral-large-2502-v1:0", "mistral.mistral-large-3-675b-instruct"],
  features: {
    ...NO_FEATURES,
    text: true,
    systemPrompt: true,
    multiTurn: true,
    tools: true,
    streaming: true,
    streamedTools: true,
    images: { note: "Pixtral Large", models: (id) => /pixtral/.test(id) },
    structuredOutput: { note: "Mistral Large 3", models: (id) => modelCapabilities(id).nativeStructuredOutput },
  },
  matches: (id) => /^mistral\.(mistral-large-(2407|24[1-9]\d|2[5-9]\d\d|3-)|pixtral)/.test(id),
  buildRequest: (request) => buildMistralChatRequest(request),
  parseResponse: (body) => parseChatCompletion(FAMILY, body),
  createStreamDecoder: (writer) => createChatCompletionDecoder(writer),
};
