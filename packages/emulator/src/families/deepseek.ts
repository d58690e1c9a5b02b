import type { WireConverseRequest } from "../wire/converse-types.js";
import type { ModelFamily, ModelTurn, RenderContext } from "./model-family.js";
import { parseChatTemplatePrompt } from "./chat-template-prompt.js";
import { modelIdMatcher } from "./model-id.js";
import { assertBody, type BodySchema } from "./native-body-schema.js";
import { textChunks } from "./text-chunks.js";
import { toolCallText } from "./tool-call-text.js";
import { completionStopReason, turnReasoning, turnText, turnToolUses } from "./turn-content.js";

const DEEPSEEK_SCHEMA: BodySchema = {
  required: ["prompt"],
  properties: {
    prompt: { type: "string" },
    temperature: { type: "number", minimum: 0, maximum: 1 },
    top_p: { type: "number", minimum: 0, maximum: 1 },
    max_tokens: { type: "integer", minimum: 1, maximum: 32768 },
    stop: { type: "array", items: { type: "string" }, maxItems: 10 },
  },
};

function parseDeepSeekRequest(body: unknown): WireConverseRequest {
  assertBody(body, DEEPSEEK_SCHEMA);
  const { system, messages } = parseChatTemplatePrompt(body.prompt as string);
  const request: WireConverseRequest = { messages };
  if (system !== "") request.system = [{ text: system }];
  const config: NonNullable<WireConverseRequest["inferenceConfig"]> = {};
  if (body.max_tokens !== undefined) config.maxTokens = body.max_tokens as number;
  if (body.temperature !== undefined) config.temperature = body.temperature as number;
  if (body.top_p !== undefined) config.topP = body.top_p as number;
  if (body.stop !== undefined) config.stopSequences = body.stop as string[];
  if (Object.keys(config).length > 0) request.inferenceConfig = config;
  return request;
}

/**
 * The completion text R1 generates: its reasoning closed by `</think>`, then the answer. When the
 * prompt already opened the think block (the chat template ends with `<think>\n`), the text starts
 * inside it, as the model's continuation would.
 *
 * @example
 * deepSeekCompletionText(turn, { prompt: "<｜User｜>Hi<｜Assistant｜><think>\n" }); // "Greeting.\n</think>\n\nHello!"
 */
export function deepSeekCompletionText(turn: ModelTurn, nativeBody: unknown): string {
  const calls = toolCallText(turnToolUses(turn));
  const answer = [turnText(turn), calls].filter((part) => part !== "").join("\n");
  const reasoning = turnReasoning(turn);
  if (reasoning === "") return answer;
  const prompt = String((nativeBody as { prompt?: unknown } | undefined)?.prompt ?? "");
  const opened = /<think>\s*$/.test(prompt);
  return `${opened ? "" : "<think>\n"}${reasoning}\n</think>\n\n${answer}`;
}

function renderDeepSeekResponse(turn: ModelTurn, context: RenderContext): unknown {
  return { choices: [{ text: deepSeekCompletionText(turn, context.nativeBody), stop_reason: completionStopReason(turn) }] };
}

function renderDeepSeekStream(turn: ModelTurn, context: RenderContext): unknown[] {
  const pieces = textChunks(deepSeekCompletionText(turn, context.nativeBody), context.chunkSize);
  if (pieces.length === 0) pieces.push("");
  return pieces.map((text, index) => {
    const last = index === pieces.length - 1;
    const chunk: Record<string, unknown> = { choices: [{ text, stop_reason: last ? completionStopReason(turn) : null }] };
    if (last) chunk["amazon-bedrock-invocationMetrics"] = context.invocationMetrics;
    return chunk;
  });
}

/**
 * DeepSeek R1 (`us.deepseek.r1-v1:0`): a `prompt` in DeepSeek's chat template (read back into
 * messages), answered with `choices[].text` holding the reasoning, `</think>` and the answer.
 *
 * @example
 * deepSeekFamily.parseRequest({ prompt: "<｜begin▁of▁sentence｜><｜User｜>Hi<｜Assistant｜><think>\n", max_tokens: 512 });
 */
export const deepSeekFamily: ModelFamily = {
  name: "deepseek",
  matches: modelIdMatcher(/^deepseek\.r1/),
  parseRequest: parseDeepSeekRequest,
  renderResponse: renderDeepSeekResponse,
  renderStream: renderDeepSeekStream,
};
