import type { WireConverseRequest, WireMessage } from "../wire/converse-types.js";
import type { ModelFamily, ModelTurn, RenderContext } from "./model-family.js";
import { parseAnthropicMessagesRequest } from "./anthropic-claude-request.js";
import { renderAnthropicMessage } from "./anthropic-claude-response.js";
import { renderAnthropicStream } from "./anthropic-claude-stream.js";
import { modelIdMatcher } from "./model-id.js";
import { assertBody, type BodySchema } from "./native-body-schema.js";
import { textChunks } from "./text-chunks.js";
import { turnText } from "./turn-content.js";

const TEXT_COMPLETION_SCHEMA: BodySchema = {
  required: ["prompt", "max_tokens_to_sample"],
  properties: {
    prompt: { type: "string" },
    max_tokens_to_sample: { type: "integer", minimum: 0 },
    temperature: { type: "number", minimum: 0, maximum: 1 },
    top_p: { type: "number", minimum: 0, maximum: 1 },
    top_k: { type: "integer", minimum: 0 },
    stop_sequences: { type: "array", items: { type: "string" } },
    anthropic_version: { type: "string" },
  },
};

const HUMAN_STOP = "\n\nHuman:";

/**
 * Reads a `Human:` / `Assistant:` prompt back into messages; text before the first `Human:`
 * becomes the system prompt and the trailing empty `Assistant:` cue is dropped.
 *
 * @example
 * parseHumanAssistantPrompt("\n\nHuman: Hi\n\nAssistant:"); // { system: "", messages: [{ role: "user", content: [{ text: "Hi" }] }] }
 */
export function parseHumanAssistantPrompt(prompt: string): { system: string; messages: WireMessage[] } {
  const parts = prompt.split(/(?:^|\s*)\b(Human|Assistant):/);
  const system = (parts[0] ?? "").trim();
  const messages: WireMessage[] = [];
  for (let index = 1; index < parts.length; index += 2) {
    const role = parts[index] === "Human" ? "user" : "assistant";
    const text = (parts[index + 1] ?? "").trim();
    if (text === "") continue;
    const previous = messages[messages.length - 1];
    if (previous?.role === role) previous.content.push({ text });
    else messages.push({ role, content: [{ text }] });
  }
  return { system, messages };
}

function usesMessagesApi(body: unknown): boolean {
  return typeof body === "object" && body !== null && "messages" in body;
}

function parseTextCompletion(body: unknown): WireConverseRequest {
  if (usesMessagesApi(body)) return parseAnthropicMessagesRequest(body);
  assertBody(body, TEXT_COMPLETION_SCHEMA);
  const { system, messages } = parseHumanAssistantPrompt(body.prompt as string);
  const request: WireConverseRequest = { messages, inferenceConfig: { maxTokens: body.max_tokens_to_sample as number } };
  if (system !== "") request.system = [{ text: system }];
  if (body.temperature !== undefined) request.inferenceConfig!.temperature = body.temperature as number;
  if (body.top_p !== undefined) request.inferenceConfig!.topP = body.top_p as number;
  if (body.stop_sequences !== undefined) request.inferenceConfig!.stopSequences = body.stop_sequences as string[];
  if (body.top_k !== undefined) request.additionalModelRequestFields = { top_k: body.top_k };
  return request;
}

// A natural end is reported as the model emitting the default "\n\nHuman:" stop sequence.
function stopFields(turn: ModelTurn, nativeBody: unknown): { stop_reason: string; stop: string | null } {
  if (turn.stopReason === "max_tokens") return { stop_reason: "max_tokens", stop: null };
  const sequences = (nativeBody as { stop_sequences?: unknown } | undefined)?.stop_sequences;
  const custom = Array.isArray(sequences) ? sequences.find((sequence) => sequence !== HUMAN_STOP) : undefined;
  return { stop_reason: "stop_sequence", stop: turn.stopReason === "stop_sequence" && typeof custom === "string" ? custom : HUMAN_STOP };
}

function renderCompletion(turn: ModelTurn, context: RenderContext): unknown {
  if (usesMessagesApi(context.nativeBody)) return renderAnthropicMessage(turn, context);
  return { type: "completion", completion: turnText(turn), ...stopFields(turn, context.nativeBody) };
}

function renderCompletionStream(turn: ModelTurn, context: RenderContext): unknown[] {
  if (usesMessagesApi(context.nativeBody)) return renderAnthropicStream(turn, context);
  const pieces = textChunks(turnText(turn), context.chunkSize);
  const last = pieces.pop() ?? "";
  const chunks: unknown[] = pieces.map((completion) => ({ type: "completion", completion, stop_reason: null, stop: null }));
  chunks.push({ type: "completion", completion: last, ...stopFields(turn, context.nativeBody), "amazon-bedrock-invocationMetrics": context.invocationMetrics });
  return chunks;
}

/**
 * The legacy Claude models (`anthropic.claude-instant-v1`, `anthropic.claude-v2`, `anthropic.claude-v2:1`):
 * Text Completions bodies (`prompt` with `Human:` / `Assistant:` turns, `max_tokens_to_sample`),
 * or Messages bodies, answered in the dialect the caller used.
 *
 * @example
 * anthropicClaudeTextCompletionFamily.parseRequest({ prompt: "\n\nHuman: Hi\n\nAssistant:", max_tokens_to_sample: 50 });
 */
export const anthropicClaudeTextCompletionFamily: ModelFamily = {
  name: "anthropic-claude-text-completion",
  matches: modelIdMatcher(/^anthropic\.claude-(?:instant-v1|v2)/),
  parseRequest: parseTextCompletion,
  renderResponse: renderCompletion,
  renderStream: renderCompletionStream,
};
