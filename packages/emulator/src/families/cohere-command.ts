import type { StopReason, WireContentBlock, WireConverseRequest, WireMessage } from "../wire/converse-types.js";
import type { ModelFamily, ModelTurn, RenderContext } from "./model-family.js";
import { modelIdMatcher } from "./model-id.js";
import { assertBody, type BodySchema } from "./native-body-schema.js";
import { uuid } from "./response-ids.js";
import { textChunks } from "./text-chunks.js";
import { turnText, turnToolUses } from "./turn-content.js";

type JsonObject = Record<string, unknown>;

const COMMAND_R_SCHEMA: BodySchema = {
  required: ["message"],
  properties: {
    message: { type: "string" },
    chat_history: { type: "array", items: { type: "object", required: ["role"], open: true, properties: { role: { type: "string", enum: ["USER", "CHATBOT", "SYSTEM", "TOOL"] } } } },
    documents: { type: "array", items: { type: "object" } },
    search_queries_only: { type: "boolean" },
    preamble: { type: "string" },
    max_tokens: { type: "integer", minimum: 1 },
    temperature: { type: "number", minimum: 0, maximum: 1 },
    p: { type: "number", minimum: 0.01, maximum: 0.99 },
    k: { type: "integer", minimum: 0, maximum: 500 },
    prompt_truncation: { type: "string", enum: ["OFF", "AUTO_PRESERVE_ORDER"] },
    frequency_penalty: { type: "number", minimum: 0, maximum: 1 },
    presence_penalty: { type: "number", minimum: 0, maximum: 1 },
    seed: { type: "integer" },
    return_prompt: { type: "boolean" },
    tools: { type: "array", items: { type: "object", required: ["name"], open: true, properties: {} } },
    tool_results: { type: "array", items: { type: "object", required: ["call", "outputs"], open: true, properties: {} } },
    stop_sequences: { type: "array", items: { type: "string" }, maxItems: 5 },
    raw_prompting: { type: "boolean" },
  },
};

const PARAMETER_TYPES: Record<string, string> = { str: "string", int: "integer", float: "number", bool: "boolean" };

function toolSchema(definitions: unknown): JsonObject {
  const properties: JsonObject = {};
  const required: string[] = [];
  for (const [name, value] of Object.entries((definitions as JsonObject | undefined) ?? {})) {
    const definition = value as JsonObject;
    const type = PARAMETER_TYPES[String(definition.type)] ?? "string";
    properties[name] = typeof definition.description === "string" ? { type, description: definition.description } : { type };
    if (definition.required === true) required.push(name);
  }
  return { type: "object", properties, required };
}

// Cohere tool calls carry no IDs; derive stable ones from position so results can refer back.
function toolCallId(name: unknown, index: number): string {
  return `${String(name)}_${index}`;
}

function historyMessage(entry: JsonObject): WireMessage | undefined {
  const text = typeof entry.message === "string" && entry.message !== "" ? [{ text: entry.message }] : [];
  if (entry.role === "USER") return text.length > 0 ? { role: "user", content: text } : undefined;
  if (entry.role === "CHATBOT") {
    const calls = Array.isArray(entry.tool_calls) ? entry.tool_calls : [];
    const toolUses: WireContentBlock[] = calls.map((call: JsonObject, index) => ({ toolUse: { toolUseId: toolCallId(call.name, index), name: String(call.name), input: call.parameters ?? {} } }));
    const content = [...text, ...toolUses];
    return content.length > 0 ? { role: "assistant", content } : undefined;
  }
  if (entry.role === "TOOL" && Array.isArray(entry.tool_results)) return { role: "user", content: toolResultBlocks(entry.tool_results) };
  return undefined;
}

function toolResultBlocks(results: unknown[]): WireContentBlock[] {
  return results.map((value, index) => {
    const result = value as JsonObject;
    const call = (result.call ?? {}) as JsonObject;
    const outputs = Array.isArray(result.outputs) ? result.outputs : [];
    return { toolResult: { toolUseId: toolCallId(call.name, index), content: outputs.map((json) => ({ json })) } };
  });
}

function appendMessage(messages: WireMessage[], message: WireMessage | undefined): void {
  if (message === undefined) return;
  const previous = messages[messages.length - 1];
  if (previous?.role === message.role) previous.content.push(...message.content);
  else messages.push(message);
}

function parseCommandRRequest(body: unknown): WireConverseRequest {
  assertBody(body, COMMAND_R_SCHEMA);
  const messages: WireMessage[] = [];
  const system: string[] = typeof body.preamble === "string" ? [body.preamble] : [];
  for (const entry of (body.chat_history as JsonObject[] | undefined) ?? []) {
    if (entry.role === "SYSTEM" && typeof entry.message === "string") system.push(entry.message);
    else appendMessage(messages, historyMessage(entry));
  }
  const documents: WireContentBlock[] = ((body.documents as JsonObject[] | undefined) ?? []).map((document, index) => ({
    document: { format: "txt", name: typeof document.title === "string" ? document.title : `document-${index + 1}`, source: { text: JSON.stringify(document) } },
  }));
  const results = Array.isArray(body.tool_results) ? toolResultBlocks(body.tool_results) : [];
  const message = body.message as string;
  appendMessage(messages, { role: "user", content: [...results, ...documents, ...(message === "" ? [] : [{ text: message }])] });
  const request: WireConverseRequest = { messages };
  if (system.length > 0) request.system = system.map((text) => ({ text }));
  const config: NonNullable<WireConverseRequest["inferenceConfig"]> = {};
  if (body.max_tokens !== undefined) config.maxTokens = body.max_tokens as number;
  if (body.temperature !== undefined) config.temperature = body.temperature as number;
  if (body.p !== undefined) config.topP = body.p as number;
  if (body.stop_sequences !== undefined) config.stopSequences = body.stop_sequences as string[];
  if (Object.keys(config).length > 0) request.inferenceConfig = config;
  if (Array.isArray(body.tools) && body.tools.length > 0) {
    request.toolConfig = {
      tools: (body.tools as JsonObject[]).map((tool) => ({
        toolSpec: { name: String(tool.name), ...(typeof tool.description === "string" ? { description: tool.description } : {}), inputSchema: { json: toolSchema(tool.parameter_definitions) } },
      })),
    };
  }
  const extra = Object.fromEntries(["k", "seed", "frequency_penalty", "presence_penalty", "search_queries_only"].filter((key) => body[key] !== undefined).map((key) => [key, body[key]]));
  if (Object.keys(extra).length > 0) request.additionalModelRequestFields = extra;
  return request;
}

const FINISH_REASONS: Partial<Record<StopReason, string>> = {
  max_tokens: "MAX_TOKENS",
  stop_sequence: "STOP_SEQUENCE",
  content_filtered: "ERROR_TOXIC",
  guardrail_intervened: "ERROR_TOXIC",
};

/**
 * Cohere's `finish_reason` for a Converse stop reason.
 *
 * @example
 * cohereFinishReason("max_tokens"); // "MAX_TOKENS"
 */
export function cohereFinishReason(stopReason: StopReason): string {
  return FINISH_REASONS[stopReason] ?? "COMPLETE";
}

function chatResponse(turn: ModelTurn, context: RenderContext, generationId: string): JsonObject {
  const body = (context.nativeBody ?? {}) as JsonObject;
  const history = Array.isArray(body.chat_history) ? body.chat_history : [];
  const text = turnText(turn);
  const calls = turnToolUses(turn).map((toolUse) => ({ name: toolUse.name, parameters: toolUse.input ?? {} }));
  const response: JsonObject = {
    response_id: uuid(),
    text,
    generation_id: generationId,
    chat_history: [...history, { role: "USER", message: String(body.message ?? "") }, { role: "CHATBOT", message: text, ...(calls.length > 0 ? { tool_calls: calls } : {}) }],
    finish_reason: cohereFinishReason(turn.stopReason),
  };
  if (calls.length > 0) response.tool_calls = calls;
  response.meta = {
    api_version: { version: "1" },
    billed_units: { input_tokens: turn.usage.inputTokens, output_tokens: turn.usage.outputTokens },
    tokens: { input_tokens: turn.usage.inputTokens, output_tokens: turn.usage.outputTokens },
  };
  return response;
}

function renderCommandRStream(turn: ModelTurn, context: RenderContext): unknown[] {
  const generationId = uuid();
  const chunks: unknown[] = [{ is_finished: false, event_type: "stream-start", generation_id: generationId }];
  for (const text of textChunks(turnText(turn), context.chunkSize)) chunks.push({ is_finished: false, event_type: "text-generation", text });
  const response = chatResponse(turn, context, generationId);
  if (response.tool_calls !== undefined) chunks.push({ is_finished: false, event_type: "tool-calls-generation", text: response.text, tool_calls: response.tool_calls });
  chunks.push({
    is_finished: true,
    event_type: "stream-end",
    response,
    finish_reason: response.finish_reason,
    "amazon-bedrock-invocationMetrics": context.invocationMetrics,
  });
  return chunks;
}

/**
 * Cohere Command R and R+: `message`, `chat_history`, `preamble`, `documents`, `tools` with
 * `parameter_definitions` and `tool_results`; answered with `text`, `tool_calls` and Cohere's
 * stream events (`stream-start`, `text-generation`, `tool-calls-generation`, `stream-end`).
 *
 * @example
 * cohereCommandFamily.parseRequest({ message: "Hi", preamble: "Be brief", max_tokens: 100 });
 */
export const cohereCommandFamily: ModelFamily = {
  name: "cohere-command",
  matches: modelIdMatcher(/^cohere\.command-r/),
  parseRequest: parseCommandRRequest,
  renderResponse: (turn, context) => chatResponse(turn, context, uuid()),
  renderStream: renderCommandRStream,
};
