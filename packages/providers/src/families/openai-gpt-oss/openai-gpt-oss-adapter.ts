import type { ContentBlock } from "@aws-sdk/client-bedrock-runtime";
import type { ModelRequest } from "@sluice/core";
import type { ModelFamilyAdapter, NativeBody, NativeStreamDecoder } from "../../adapter.js";
import { NO_FEATURES } from "../../features/family-features.js";
import type { ConverseStreamWriter } from "../../shared/converse-stream-writer.js";
import { additionalFields, inferenceSettings } from "../../shared/converse-content.js";
import { chatMessages, chatTools, createChatCompletionDecoder, parseChatCompletion } from "../../shared/chat-completions.js";
import { compact } from "../../shared/native-values.js";
import { chatResponseFormat } from "../../shared/structured-output.js";
import { TaggedTextSplitter } from "../../shared/tagged-text-splitter.js";

const FAMILY = "openai-gpt-oss";
const OPEN = "<reasoning>";
const CLOSE = "</reasoning>";

function buildGptOssRequest(request: ModelRequest): NativeBody {
  const settings = inferenceSettings(request);
  // `model` and `stream` are left out: Bedrock fills them in from the path and the operation.
  return compact({
    messages: chatMessages(request, { systemRole: "developer", toolCallType: true, imageParts: false }),
    ...chatTools(request, "required"),
    ...chatResponseFormat(request, FAMILY, "OpenAI gpt-oss"),
    max_completion_tokens: settings.maxTokens,
    temperature: settings.temperature,
    top_p: settings.topP,
    stop: settings.stopSequences,
    ...additionalFields(request),
  });
}

/**
 * gpt-oss message content → blocks: the `<reasoning>…</reasoning>` InvokeModel puts before the
 * answer becomes a reasoning block, the rest text.
 *
 * @example
 * gptOssContent("<reasoning>Add.</reasoning>4"); // [{ reasoningContent: { reasoningText: { text: "Add." } } }, { text: "4" }]
 */
export function gptOssContent(content: string, reasoningField?: string): ContentBlock[] {
  const splitter = new TaggedTextSplitter(OPEN, CLOSE, "text");
  const segments = [...splitter.push(content), ...splitter.end()];
  const reasoning = (reasoningField ?? "") + segments.filter((segment) => segment.kind === "reasoning").map((segment) => segment.text).join("");
  const text = segments.filter((segment) => segment.kind === "text").map((segment) => segment.text).join("");
  const blocks: ContentBlock[] = [];
  if (reasoning.trim() !== "") blocks.push({ reasoningContent: { reasoningText: { text: reasoning } } });
  if (text.trim() !== "") blocks.push({ text });
  return blocks;
}

function createGptOssStreamDecoder(writer: ConverseStreamWriter): NativeStreamDecoder {
  const splitter = new TaggedTextSplitter(OPEN, CLOSE, "text");
  const write = (segments: ReturnType<TaggedTextSplitter["push"]>) => {
    for (const segment of segments) {
      if (segment.kind === "reasoning") writer.reasoningText(segment.text);
      else writer.text(segment.text);
    }
  };
  return createChatCompletionDecoder(writer, { push: (text) => write(splitter.push(text)), end: () => write(splitter.end()) });
}

/**
 * OpenAI gpt-oss (20b, 120b) through the Chat Completions body: `developer` system message,
 * `tools` and `tool_choice`, `max_completion_tokens`, `reasoning_effort` through
 * `additionalModelRequestFields`. The reasoning InvokeModel inlines in `<reasoning>` tags
 * becomes reasoning blocks, streamed or not.
 *
 * @example
 * openaiGptOssAdapter.matches("openai.gpt-oss-120b-1:0"); // true
 */
export const openaiGptOssAdapter: ModelFamilyAdapter = {
  family: FAMILY,
  displayName: "OpenAI gpt-oss",
  exampleModelIds: ["openai.gpt-oss-20b-1:0", "openai.gpt-oss-120b-1:0"],
  features: {
    ...NO_FEATURES,
    text: true,
    systemPrompt: true,
    multiTurn: true,
    tools: true,
    streaming: true,
    streamedTools: true,
    reasoning: true,
    stopSequences: true,
    structuredOutput: true,
  },
  matches: (id) => /^openai\.gpt-oss/.test(id),
  buildRequest: (request) => buildGptOssRequest(request),
  parseResponse: (body) => parseChatCompletion(FAMILY, body, (choice) => gptOssContent(choice.text, choice.reasoning)),
  createStreamDecoder: (writer) => createGptOssStreamDecoder(writer),
};
