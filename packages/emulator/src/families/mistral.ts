import type { WireConverseRequest } from "../wire/converse-types.js";
import type { ModelFamily, ModelTurn, RenderContext } from "./model-family.js";
import { parseChatTemplatePrompt } from "./chat-template-prompt.js";
import { foundationModelId, modelIdMatcher } from "./model-id.js";
import { assertBody, type BodySchema } from "./native-body-schema.js";
import { chatFinishReason, chatToolCalls, parseChatMessages, parseChatTools } from "./openai-chat-messages.js";
import { textChunks } from "./text-chunks.js";
import { completionStopReason, turnText } from "./turn-content.js";

const SAMPLING = {
  max_tokens: { type: "integer", minimum: 1 },
  temperature: { type: "number", minimum: 0, maximum: 1 },
  top_p: { type: "number", minimum: 0, maximum: 1 },
} as const satisfies Record<string, BodySchema>;

const TEXT_SCHEMA: BodySchema = {
  required: ["prompt"],
  properties: { prompt: { type: "string" }, stop: { type: "array", items: { type: "string" }, maxItems: 10 }, top_k: { type: "integer", minimum: 1, maximum: 200 }, ...SAMPLING },
};

const CHAT_SCHEMA: BodySchema = {
  required: ["messages"],
  properties: {
    messages: { type: "array", minItems: 1, items: { type: "object" } },
    tools: { type: "array", items: { type: "object" } },
    tool_choice: { type: ["string", "object"] },
    response_format: { type: "object" },
    stop: { type: "array", items: { type: "string" } },
    ...SAMPLING,
  },
};

function usesChat(body: unknown, modelId: string): boolean {
  if (typeof body === "object" && body !== null) return "messages" in body;
  // The 2024-02 generation and the open models only have the text-completion dialect.
  return !/mistral-7b|mixtral|2402/.test(foundationModelId(modelId));
}

function sampling(body: Record<string, unknown>, stopKey: "stop"): NonNullable<WireConverseRequest["inferenceConfig"]> {
  const config: NonNullable<WireConverseRequest["inferenceConfig"]> = {};
  if (body.max_tokens !== undefined) config.maxTokens = body.max_tokens as number;
  if (body.temperature !== undefined) config.temperature = body.temperature as number;
  if (body.top_p !== undefined) config.topP = body.top_p as number;
  if (body[stopKey] !== undefined) config.stopSequences = body[stopKey] as string[];
  return config;
}

function parseMistralRequest(body: unknown): WireConverseRequest {
  if (usesChat(body, "")) {
    assertBody(body, CHAT_SCHEMA);
    const { system, messages } = parseChatMessages(body.messages as unknown[]);
    const request: WireConverseRequest = { messages, inferenceConfig: sampling(body, "stop") };
    if (system.length > 0) request.system = system;
    const tools = parseChatTools(body.tools, body.tool_choice);
    if (tools !== undefined) request.toolConfig = tools;
    if (body.response_format !== undefined) request.additionalModelRequestFields = { response_format: body.response_format };
    return request;
  }
  assertBody(body, TEXT_SCHEMA);
  const { system, messages } = parseChatTemplatePrompt(body.prompt as string);
  const request: WireConverseRequest = { messages, inferenceConfig: sampling(body, "stop") };
  if (system !== "") request.system = [{ text: system }];
  if (body.top_k !== undefined) request.additionalModelRequestFields = { top_k: body.top_k };
  return request;
}

function chatMessage(turn: ModelTurn, content: string): Record<string, unknown> {
  const calls = chatToolCalls(turn);
  return calls.length > 0 ? { role: "assistant", content, tool_calls: calls } : { role: "assistant", content };
}

function renderMistralResponse(turn: ModelTurn, context: RenderContext): unknown {
  if (usesChat(context.nativeBody, context.modelId)) {
    return { choices: [{ index: 0, message: chatMessage(turn, turnText(turn)), stop_reason: chatFinishReason(turn.stopReason) }] };
  }
  return { outputs: [{ text: turnText(turn), stop_reason: completionStopReason(turn) }] };
}

function renderMistralStream(turn: ModelTurn, context: RenderContext): unknown[] {
  const chat = usesChat(context.nativeBody, context.modelId);
  const pieces = textChunks(turnText(turn), context.chunkSize);
  if (pieces.length === 0 || (chat && chatToolCalls(turn).length > 0)) pieces.push("");
  return pieces.map((text, index) => {
    const last = index === pieces.length - 1;
    const metrics = last ? { "amazon-bedrock-invocationMetrics": context.invocationMetrics } : {};
    if (!chat) return { outputs: [{ text, stop_reason: last ? completionStopReason(turn) : null }], ...metrics };
    // Tool calls arrive whole in the closing chunk.
    const message = last ? chatMessage(turn, text) : { role: "assistant", content: text };
    return { choices: [{ index: 0, message, stop_reason: last ? chatFinishReason(turn.stopReason) : null }], ...metrics };
  });
}

/**
 * Mistral models in both native dialects: text completion (`prompt` in the `[INST]` template,
 * answered with `outputs[]`) and chat completion (`messages`, `tools`, `tool_choice`, answered
 * with `choices[]` and `tool_calls`). The reply uses the dialect of the request.
 *
 * @example
 * mistralFamily.parseRequest({ prompt: "<s>[INST] Hi [/INST]", max_tokens: 50 });
 */
export const mistralFamily: ModelFamily = {
  name: "mistral",
  matches: modelIdMatcher(/^mistral\./),
  parseRequest: parseMistralRequest,
  renderResponse: renderMistralResponse,
  renderStream: renderMistralStream,
};
