import type { StopReason, WireConverseRequest } from "../wire/converse-types.js";
import type { ModelFamily, ModelTurn, RenderContext } from "./model-family.js";
import { modelIdMatcher } from "./model-id.js";
import { assertBody, type BodySchema } from "./native-body-schema.js";
import { textChunks } from "./text-chunks.js";
import { turnText } from "./turn-content.js";

const TITAN_TEXT_SCHEMA: BodySchema = {
  required: ["inputText"],
  properties: {
    inputText: { type: "string" },
    textGenerationConfig: {
      type: "object",
      properties: {
        maxTokenCount: { type: "integer", minimum: 0 },
        temperature: { type: "number", minimum: 0, maximum: 1 },
        topP: { type: "number", minimum: 0, maximum: 1 },
        stopSequences: { type: "array", items: { type: "string" } },
      },
    },
  },
};

function parseTitanRequest(body: unknown): WireConverseRequest {
  assertBody(body, TITAN_TEXT_SCHEMA);
  const request: WireConverseRequest = { messages: [{ role: "user", content: [{ text: body.inputText as string }] }] };
  const config = body.textGenerationConfig as Record<string, unknown> | undefined;
  if (config !== undefined) {
    request.inferenceConfig = {};
    if (config.maxTokenCount !== undefined) request.inferenceConfig.maxTokens = config.maxTokenCount as number;
    if (config.temperature !== undefined) request.inferenceConfig.temperature = config.temperature as number;
    if (config.topP !== undefined) request.inferenceConfig.topP = config.topP as number;
    const stops = config.stopSequences as string[] | undefined;
    if (stops !== undefined && stops.length > 0) request.inferenceConfig.stopSequences = stops;
  }
  return request;
}

const COMPLETION_REASONS: Partial<Record<StopReason, string>> = {
  max_tokens: "LENGTH",
  stop_sequence: "STOP_CRITERIA_MET",
  content_filtered: "CONTENT_FILTERED",
  guardrail_intervened: "CONTENT_FILTERED",
};

/**
 * Titan's `completionReason` for a Converse stop reason.
 *
 * @example
 * titanCompletionReason("max_tokens"); // "LENGTH"
 */
export function titanCompletionReason(stopReason: StopReason): string {
  return COMPLETION_REASONS[stopReason] ?? "FINISH";
}

function renderTitanResponse(turn: ModelTurn): unknown {
  return {
    inputTextTokenCount: turn.usage.inputTokens,
    results: [{ tokenCount: turn.usage.outputTokens, outputText: turnText(turn), completionReason: titanCompletionReason(turn.stopReason) }],
  };
}

// Titan streams large pieces: the first carries the input count, the last the totals and metrics.
function renderTitanStream(turn: ModelTurn, context: RenderContext): unknown[] {
  const pieces = textChunks(turnText(turn), context.chunkSize);
  if (pieces.length === 0) pieces.push("");
  return pieces.map((outputText, index) => {
    const chunk: Record<string, unknown> = { outputText, index: 0 };
    const last = index === pieces.length - 1;
    if (last) {
      chunk.totalOutputTextTokenCount = turn.usage.outputTokens;
      chunk.completionReason = titanCompletionReason(turn.stopReason);
    }
    if (index === 0) chunk.inputTextTokenCount = turn.usage.inputTokens;
    if (last) chunk["amazon-bedrock-invocationMetrics"] = context.invocationMetrics;
    return chunk;
  });
}

/**
 * Amazon Titan Text (Express, Lite, Premier, legacy `amazon.titan-tg1-large`): `inputText` plus
 * `textGenerationConfig`, answered with `results[].outputText` and Titan's completion reasons.
 *
 * @example
 * amazonTitanTextFamily.parseRequest({ inputText: "Hello", textGenerationConfig: { maxTokenCount: 50 } });
 */
export const amazonTitanTextFamily: ModelFamily = {
  name: "amazon-titan-text",
  matches: modelIdMatcher(/^amazon\.titan-(?:text-|tg1)/),
  parseRequest: parseTitanRequest,
  renderResponse: renderTitanResponse,
  renderStream: renderTitanStream,
};
