import type { WireConverseRequest } from "../wire/converse-types.js";
import type { ModelFamily, ModelTurn, RenderContext } from "./model-family.js";
import { foundationModelId, modelIdMatcher } from "./model-id.js";
import { assertBody, type BodySchema } from "./native-body-schema.js";
import { chatFinishReason, chatToolCalls, chatUsage, parseChatMessages, parseChatTools } from "./openai-chat-messages.js";
import { chatCompletionId } from "./response-ids.js";
import { textChunks } from "./text-chunks.js";
import { turnText } from "./turn-content.js";

const JAMBA_SCHEMA: BodySchema = {
  required: ["messages"],
  properties: {
    messages: { type: "array", minItems: 1, items: { type: "object" } },
    max_tokens: { type: "integer", minimum: 0, maximum: 4096 },
    temperature: { type: "number", minimum: 0, maximum: 2 },
    top_p: { type: "number", minimum: 0, maximum: 1 },
    stop: { type: ["string", "array"] },
    n: { type: "integer", minimum: 1, maximum: 16 },
    frequency_penalty: { type: "number" },
    presence_penalty: { type: "number" },
    tools: { type: "array", items: { type: "object" } },
    response_format: { type: "object" },
    documents: { type: "array", items: { type: "object" } },
  },
};

function parseJambaRequest(body: unknown): WireConverseRequest {
  assertBody(body, JAMBA_SCHEMA);
  const { system, messages } = parseChatMessages(body.messages as unknown[]);
  const request: WireConverseRequest = { messages };
  if (system.length > 0) request.system = system;
  const config: NonNullable<WireConverseRequest["inferenceConfig"]> = {};
  if (body.max_tokens !== undefined) config.maxTokens = body.max_tokens as number;
  if (body.temperature !== undefined) config.temperature = body.temperature as number;
  if (body.top_p !== undefined) config.topP = body.top_p as number;
  if (body.stop !== undefined) config.stopSequences = typeof body.stop === "string" ? [body.stop] : (body.stop as string[]);
  if (Object.keys(config).length > 0) request.inferenceConfig = config;
  const tools = parseChatTools(body.tools, undefined);
  if (tools !== undefined) request.toolConfig = tools;
  return request;
}

function jambaModelName(modelId: string): string {
  return foundationModelId(modelId).replace(/^ai21\./, "").replace(/-v\d+(?::\d+)?$/, "");
}

function assistantMessage(turn: ModelTurn, content: string): Record<string, unknown> {
  const calls = chatToolCalls(turn);
  return { role: "assistant", content, tool_calls: calls.length > 0 ? calls : null };
}

function renderJambaResponse(turn: ModelTurn, context: RenderContext): unknown {
  return {
    id: chatCompletionId(),
    choices: [{ index: 0, message: assistantMessage(turn, turnText(turn)), finish_reason: chatFinishReason(turn.stopReason) }],
    usage: chatUsage(turn),
    meta: { requestDurationMillis: context.invocationMetrics.invocationLatency ?? 0 },
    model: jambaModelName(context.modelId),
  };
}

function renderJambaStream(turn: ModelTurn, context: RenderContext): unknown[] {
  const id = chatCompletionId();
  const chunks: unknown[] = [{ id, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] }];
  for (const content of textChunks(turnText(turn), context.chunkSize)) chunks.push({ id, choices: [{ index: 0, delta: { content }, finish_reason: null }] });
  const calls = chatToolCalls(turn);
  chunks.push({
    id,
    choices: [{ index: 0, delta: calls.length > 0 ? { tool_calls: calls } : {}, finish_reason: chatFinishReason(turn.stopReason) }],
    usage: chatUsage(turn),
    meta: { requestDurationMillis: context.invocationMetrics.invocationLatency ?? 0 },
    "amazon-bedrock-invocationMetrics": context.invocationMetrics,
  });
  return chunks;
}

/**
 * AI21 Jamba 1.5 (Large, Mini): an OpenAI-like chat body (`messages`, `max_tokens` ≤ 4096,
 * `tools`, `stop`), answered with `choices[].message`, `usage` and `meta`.
 *
 * @example
 * ai21JambaFamily.parseRequest({ messages: [{ role: "user", content: "Hi" }], max_tokens: 100 });
 */
export const ai21JambaFamily: ModelFamily = {
  name: "ai21-jamba",
  matches: modelIdMatcher(/^ai21\.jamba/),
  parseRequest: parseJambaRequest,
  renderResponse: renderJambaResponse,
  renderStream: renderJambaStream,
};
