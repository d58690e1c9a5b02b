import type { WireConverseRequest } from "../wire/converse-types.js";
import type { ModelFamily, ModelTurn, RenderContext } from "./model-family.js";
import { foundationModelId, modelIdMatcher } from "./model-id.js";
import { assertBody, type BodySchema } from "./native-body-schema.js";
import { chatFinishReason, chatToolCalls, chatUsage, parseChatMessages, parseChatTools } from "./openai-chat-messages.js";
import { chatCompletionId } from "./response-ids.js";
import { textChunks } from "./text-chunks.js";
import { turnReasoning, turnText } from "./turn-content.js";

const GPT_OSS_SCHEMA: BodySchema = {
  required: ["messages"],
  properties: {
    messages: { type: "array", minItems: 1, items: { type: "object" } },
    model: { type: "string" },
    max_completion_tokens: { type: "integer", minimum: 1 },
    max_tokens: { type: "integer", minimum: 1 },
    temperature: { type: "number", minimum: 0, maximum: 2 },
    top_p: { type: "number", minimum: 0, maximum: 1 },
    stop: { type: ["string", "array"] },
    tools: { type: "array", items: { type: "object" } },
    tool_choice: { type: ["string", "object"] },
    reasoning_effort: { type: "string", enum: ["low", "medium", "high"] },
    response_format: { type: "object" },
    seed: { type: "integer" },
    stream: { type: "boolean" },
  },
};

function parseGptOssRequest(body: unknown): WireConverseRequest {
  assertBody(body, GPT_OSS_SCHEMA);
  const { system, messages } = parseChatMessages(body.messages as unknown[]);
  const request: WireConverseRequest = { messages };
  if (system.length > 0) request.system = system;
  const config: NonNullable<WireConverseRequest["inferenceConfig"]> = {};
  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  if (maxTokens !== undefined) config.maxTokens = maxTokens as number;
  if (body.temperature !== undefined) config.temperature = body.temperature as number;
  if (body.top_p !== undefined) config.topP = body.top_p as number;
  if (body.stop !== undefined) config.stopSequences = typeof body.stop === "string" ? [body.stop] : (body.stop as string[]);
  if (Object.keys(config).length > 0) request.inferenceConfig = config;
  const tools = parseChatTools(body.tools, body.tool_choice);
  if (tools !== undefined) request.toolConfig = tools;
  if (body.reasoning_effort !== undefined) request.additionalModelRequestFields = { reasoning_effort: body.reasoning_effort };
  return request;
}

/**
 * The message content gpt-oss returns through InvokeModel: its reasoning inlined in
 * `<reasoning>` tags before the answer.
 *
 * @example
 * gptOssContent(turn); // "<reasoning>The user greets.</reasoning>Hello!"
 */
export function gptOssContent(turn: ModelTurn): string {
  const reasoning = turnReasoning(turn);
  return reasoning === "" ? turnText(turn) : `<reasoning>${reasoning}</reasoning>${turnText(turn)}`;
}

function envelope(id: string, object: string, context: RenderContext): Record<string, unknown> {
  return { id, object, created: Math.floor(Date.now() / 1000), model: foundationModelId(context.modelId) };
}

function renderGptOssResponse(turn: ModelTurn, context: RenderContext): unknown {
  const calls = chatToolCalls(turn);
  const message = calls.length > 0 ? { role: "assistant", content: gptOssContent(turn), tool_calls: calls } : { role: "assistant", content: gptOssContent(turn) };
  return {
    ...envelope(chatCompletionId(), "chat.completion", context),
    choices: [{ index: 0, message, finish_reason: chatFinishReason(turn.stopReason) }],
    usage: chatUsage(turn),
  };
}

function renderGptOssStream(turn: ModelTurn, context: RenderContext): unknown[] {
  const head = envelope(chatCompletionId(), "chat.completion.chunk", context);
  const chunks: unknown[] = [{ ...head, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] }];
  for (const content of textChunks(gptOssContent(turn), context.chunkSize)) chunks.push({ ...head, choices: [{ index: 0, delta: { content }, finish_reason: null }] });
  const calls = chatToolCalls(turn).map((call, index) => ({ index, ...call }));
  if (calls.length > 0) chunks.push({ ...head, choices: [{ index: 0, delta: { tool_calls: calls }, finish_reason: null }] });
  chunks.push({
    ...head,
    choices: [{ index: 0, delta: {}, finish_reason: chatFinishReason(turn.stopReason) }],
    usage: chatUsage(turn),
    "amazon-bedrock-invocationMetrics": context.invocationMetrics,
  });
  return chunks;
}

/**
 * OpenAI gpt-oss (20B, 120B): OpenAI Chat Completions bodies (`messages` with system/developer/
 * user/assistant/tool roles, `tools`, `tool_choice`, `max_completion_tokens`, `reasoning_effort`),
 * answered with `chat.completion` objects whose content inlines `<reasoning>`, or
 * `chat.completion.chunk` objects when streamed.
 *
 * @example
 * openAiGptOssFamily.parseRequest({ messages: [{ role: "user", content: "Hi" }], max_completion_tokens: 100 });
 */
export const openAiGptOssFamily: ModelFamily = {
  name: "openai-gpt-oss",
  matches: modelIdMatcher(/^openai\.gpt-oss/),
  parseRequest: parseGptOssRequest,
  renderResponse: renderGptOssResponse,
  renderStream: renderGptOssStream,
};
