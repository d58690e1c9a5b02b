import type { ContentBlock, StopReason } from "@aws-sdk/client-bedrock-runtime";
import type { ModelRequest } from "@sluice/core";
import type { ModelFamilyAdapter, NativeBody, NativeStreamDecoder, NativeTurn } from "../../adapter.js";
import { NativeResponseError } from "../../errors/native-response-error.js";
import { UnsupportedFeatureError } from "../../errors/unsupported-feature-error.js";
import { NO_FEATURES } from "../../features/family-features.js";
import type { ConverseStreamWriter } from "../../shared/converse-stream-writer.js";
import { additionalFields, inferenceSettings } from "../../shared/converse-content.js";
import { CHAT_STOP_REASONS, ChatCompletionStream, chatMessages, chatTools, chatUsage, readChatChoice } from "../../shared/chat-completions.js";
import { compact } from "../../shared/native-values.js";
import { mapStopReason } from "../../shared/stop-reason.js";

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

function parseJambaResponse(body: NativeBody): NativeTurn {
  const choice = readChatChoice(body);
  if (!choice) throw new NativeResponseError(FAMILY, "the body has no choices[0]", body);
  const content: ContentBlock[] = choice.text.trim() === "" ? [] : [{ text: choice.text }];
  for (const call of choice.toolCalls) content.push({ toolUse: { toolUseId: call.id, name: call.name, input: call.input as never } });
  const fallback: StopReason = choice.toolCalls.length > 0 ? "tool_use" : "end_turn";
  return { content, stopReason: mapStopReason(CHAT_STOP_REASONS, choice.finishReason, fallback), usage: chatUsage(body.usage) };
}

function createJambaStreamDecoder(writer: ConverseStreamWriter): NativeStreamDecoder {
  const stream = new ChatCompletionStream(writer);
  return {
    push: (chunk) => stream.push(chunk),
    end: () => writer.stop(mapStopReason(CHAT_STOP_REASONS, stream.finish, writer.toolUseCount > 0 ? "tool_use" : "end_turn")),
  };
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
  parseResponse: (body) => parseJambaResponse(body),
  createStreamDecoder: (writer) => createJambaStreamDecoder(writer),
};
