import type { WireConverseRequest } from "../wire/converse-types.js";
import type { ModelFamily, ModelTurn, RenderContext } from "./model-family.js";
import { foundationModelId, modelIdMatcher } from "./model-id.js";
import { assertBody, type BodySchema } from "./native-body-schema.js";
import { chatFinishReason, chatToolCalls, chatUsage, parseChatMessages, parseChatTools } from "./openai-chat-messages.js";
import { chatCompletionId } from "./response-ids.js";
import { textChunks } from "./text-chunks.js";
import { turnReasoning, turnText } from "./turn-content.js";

// Open: the documented OpenAI-style members are typed, and a model's own extras
// (`chat_template_kwargs`, `top_k`, `thinking`, …) pass to it as additional fields.
const CHAT_COMPLETIONS_SCHEMA: BodySchema = {
  required: ["messages"],
  open: true,
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
    response_format: { type: "object" },
    stream: { type: "boolean" },
  },
};

const CONVERSE_MEMBERS = new Set(["messages", "model", "max_completion_tokens", "max_tokens", "temperature", "top_p", "stop", "tools", "tool_choice", "stream"]);

function parseChatCompletionsRequest(body: unknown): WireConverseRequest {
  assertBody(body, CHAT_COMPLETIONS_SCHEMA);
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
  const strict = new Set(((body.tools as Array<{ function?: { name?: string; strict?: boolean } }> | undefined) ?? []).filter((tool) => tool.function?.strict === true).map((tool) => tool.function?.name));
  for (const tool of request.toolConfig?.tools ?? []) if (tool.toolSpec !== undefined && strict.has(tool.toolSpec.name)) tool.toolSpec.strict = true;
  const format = body.response_format as { type?: string; json_schema?: { name?: string; schema?: unknown } } | undefined;
  if (format?.type === "json_schema" && format.json_schema?.schema !== undefined) {
    const name = format.json_schema.name === undefined ? {} : { name: format.json_schema.name };
    request.outputConfig = { textFormat: { type: "json_schema", structure: { jsonSchema: { schema: JSON.stringify(format.json_schema.schema), ...name } } } };
  }
  const extras = Object.fromEntries(Object.entries(body).filter(([key]) => !CONVERSE_MEMBERS.has(key)));
  if (Object.keys(extras).length > 0) request.additionalModelRequestFields = extras;
  return request;
}

function envelope(object: string, context: RenderContext): Record<string, unknown> {
  return { id: chatCompletionId(), object, created: Math.floor(Date.now() / 1000), model: foundationModelId(context.modelId) };
}

function message(turn: ModelTurn): Record<string, unknown> {
  const reasoning = turnReasoning(turn);
  const calls = chatToolCalls(turn);
  return {
    role: "assistant",
    content: turnText(turn),
    ...(reasoning === "" ? {} : { reasoning_content: reasoning }),
    ...(calls.length > 0 ? { tool_calls: calls } : {}),
  };
}

function renderResponse(turn: ModelTurn, context: RenderContext): unknown {
  return { ...envelope("chat.completion", context), choices: [{ index: 0, message: message(turn), finish_reason: chatFinishReason(turn.stopReason) }], usage: chatUsage(turn) };
}

function renderStream(turn: ModelTurn, context: RenderContext): unknown[] {
  const head = envelope("chat.completion.chunk", context);
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({ ...head, choices: [{ index: 0, delta, finish_reason: finish }] });
  const chunks: unknown[] = [chunk({ role: "assistant", content: "" })];
  for (const reasoning_content of textChunks(turnReasoning(turn), context.chunkSize)) if (reasoning_content !== "") chunks.push(chunk({ reasoning_content }));
  for (const content of textChunks(turnText(turn), context.chunkSize)) if (content !== "") chunks.push(chunk({ content }));
  const calls = chatToolCalls(turn).map((call, index) => ({ index, ...call }));
  if (calls.length > 0) chunks.push(chunk({ tool_calls: calls }));
  chunks.push({ ...chunk({}, chatFinishReason(turn.stopReason)), usage: chatUsage(turn), "amazon-bedrock-invocationMetrics": context.invocationMetrics });
  return chunks;
}

/**
 * A family whose native InvokeModel body is the OpenAI Chat Completions format, as Bedrock's
 * open-weight models take it (the AWS documentation sends their structured output as
 * `response_format`): `messages` with system/user/assistant/tool roles, `tools`, `tool_choice`,
 * `max_tokens` / `max_completion_tokens`; answered with a `chat.completion` whose message carries
 * `reasoning_content` for the model's thinking, or `chat.completion.chunk` objects when streamed.
 *
 * @example
 * const qwen = chatCompletionsFamily("qwen", /^qwen\./);
 * qwen.matches("qwen.qwen3-32b-v1:0"); // true
 */
export function chatCompletionsFamily(name: string, pattern: RegExp): ModelFamily {
  return { name, matches: modelIdMatcher(pattern), parseRequest: parseChatCompletionsRequest, renderResponse, renderStream };
}
