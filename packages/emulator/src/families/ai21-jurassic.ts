import { createHash } from "node:crypto";
import type { WireConverseRequest } from "../wire/converse-types.js";
import type { ModelFamily, ModelTurn, RenderContext } from "./model-family.js";
import { modelIdMatcher } from "./model-id.js";
import { assertBody, type BodySchema } from "./native-body-schema.js";
import { refuseStreaming } from "./refuse-turn.js";
import { tokenPieces } from "./token-estimate.js";
import { turnText } from "./turn-content.js";

const PENALTY: BodySchema = { type: "object" };

const JURASSIC_SCHEMA: BodySchema = {
  required: ["prompt"],
  properties: {
    prompt: { type: "string" },
    maxTokens: { type: "integer", minimum: 0, maximum: 8191 },
    minTokens: { type: "integer", minimum: 0 },
    temperature: { type: "number", minimum: 0, maximum: 1 },
    topP: { type: "number", minimum: 0, maximum: 1 },
    stopSequences: { type: "array", items: { type: "string" } },
    numResults: { type: "integer", minimum: 1, maximum: 16 },
    topKReturn: { type: "integer", minimum: 0 },
    countPenalty: PENALTY,
    presencePenalty: PENALTY,
    frequencyPenalty: PENALTY,
  },
};

function parseJurassicRequest(body: unknown): WireConverseRequest {
  assertBody(body, JURASSIC_SCHEMA);
  const request: WireConverseRequest = { messages: [{ role: "user", content: [{ text: body.prompt as string }] }] };
  const config: NonNullable<WireConverseRequest["inferenceConfig"]> = {};
  if (body.maxTokens !== undefined) config.maxTokens = body.maxTokens as number;
  if (body.temperature !== undefined) config.temperature = body.temperature as number;
  if (body.topP !== undefined) config.topP = body.topP as number;
  const stops = body.stopSequences as string[] | undefined;
  if (stops !== undefined && stops.length > 0) config.stopSequences = stops;
  if (Object.keys(config).length > 0) request.inferenceConfig = config;
  return request;
}

// Stable pseudo log-probabilities: the same token always gets the same value.
function logprob(token: string): number {
  return -(createHash("sha256").update(token).digest().readUInt16BE(0) / 6553.5);
}

function tokens(text: string): unknown[] {
  let start = 0;
  return tokenPieces(text).map((piece) => {
    const token = piece.replaceAll("\n", "<|newline|>").replace(/^ /, "\u2581").replaceAll(" ", "\u2581");
    const value = logprob(token);
    const range = { start, end: start + piece.length };
    start = range.end;
    return { generatedToken: { token, logprob: value, raw_logprob: value }, topTokens: null, textRange: range };
  });
}

function renderJurassicResponse(turn: ModelTurn, context: RenderContext): unknown {
  const body = (context.nativeBody ?? {}) as { prompt?: unknown; maxTokens?: unknown };
  const prompt = String(body.prompt ?? "");
  const text = turnText(turn);
  const finishReason = turn.stopReason === "max_tokens" ? { reason: "length", length: typeof body.maxTokens === "number" ? body.maxTokens : turn.usage.outputTokens } : { reason: "endoftext" };
  // Jurassic answers carry a constant id.
  return { id: 1234, prompt: { text: prompt, tokens: tokens(prompt) }, completions: [{ data: { text, tokens: tokens(text) }, finishReason }] };
}

/**
 * The legacy AI21 Jurassic-2 models (`ai21.j2-mid-v1`, `ai21.j2-ultra-v1`): camelCase `prompt`,
 * `maxTokens`, `topP`, `stopSequences`; answered with `completions[]` and per-token data.
 * Jurassic does not stream.
 *
 * @example
 * ai21JurassicFamily.parseRequest({ prompt: "Hello", maxTokens: 10 });
 */
export const ai21JurassicFamily: ModelFamily = {
  name: "ai21-jurassic",
  matches: modelIdMatcher(/^ai21\.j2-/),
  supportsStreaming: false,
  parseRequest: parseJurassicRequest,
  renderResponse: renderJurassicResponse,
  renderStream: refuseStreaming,
};
