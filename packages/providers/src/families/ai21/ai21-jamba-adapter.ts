import type { ModelRequest } from "@sluice/core";
import type { ModelFamilyAdapter, NativeBody } from "../../adapter.js";
import { UnsupportedFeatureError } from "../../errors/unsupported-feature-error.js";
import { NO_FEATURES } from "../../features/family-features.js";
import { additionalFields, inferenceSettings } from "../../shared/converse-content.js";
import { chatMessages, chatTools, createChatCompletionDecoder, parseChatCompletion } from "../../shared/chat-completions.js";
import { compact } from "../../shared/native-values.js";

const FAMILY = "ai21-jamba";

function buildJambaRequest(request: ModelRequest): NativeBody {
  const choice = request.toolConfig?.toolChoice;
  if (choice?.any || choice?.tool) {
    throw new UnsupportedFeatureError(FAMILY, "AI21 Jamba", `tool choice "${choice.any ? "any" : "tool"}"`, "Jamba chooses tools itself: use toolChoice { auto: {} }.");
  }
  const { tool_choice: _toolChoice, ...tools } = chatTools(request, "required");
  const settings = inferenceSettings(request);
  return compact({
    messages: chatMessages(request, { systemRole: "system", toolCallType: true, imageParts: false }),
    ...tools,
    max_tokens: settings.maxTokens,
    temperature: settings.temperature,
    top_p: settings.topP,
    stop: settings.stopSequences,
    ...additionalFields(request),
  });
}

/**
 * AI21 Labs Jamba 1.5 (Large, Mini) and Jamba-Instruct: an OpenAI-like `messages` list with a
 * system message, `tools` (function definitions; Jamba picks them itself), `max_tokens`,
 * `temperature`, `top_p` and `stop`; answered with `choices` (`tool_calls` included) and `usage`.
 *
 * @example
 * ai21JambaAdapter.buildRequest(request, context); // { messages: [{ role: "user", content: "Hi" }], max_tokens: 100 }
 */
export const ai21JambaAdapter: ModelFamilyAdapter = {
  family: FAMILY,
  displayName: "AI21 Jamba",
  exampleModelIds: ["ai21.jamba-1-5-mini-v1:0", "ai21.jamba-1-5-large-v1:0"],
  features: {
    ...NO_FEATURES,
    text: true,
    systemPrompt: true,
    multiTurn: true,
    tools: { note: "Jamba 1.5", models: (id) => /jamba-1-5/.test(id) },
    streaming: true,
    streamedTools: { note: "Jamba 1.5", models: (id) => /jamba-1-5/.test(id) },
    stopSequences: true,
  },
  matches: (id) => /^ai21\.jamba/.test(id),
  buildRequest: (request) => buildJambaRequest(request),
  parseResponse: (body) => parseChatCompletion(FAMILY, body),
  createStreamDecoder: (writer) => createChatCompletionDecoder(writer),
};
