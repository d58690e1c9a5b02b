import type { WireConverseRequest } from "../wire/converse-types.js";
import type { ModelFamily, ModelTurn, RenderContext } from "./model-family.js";
import { cohereFinishReason } from "./cohere-command.js";
import { modelIdMatcher } from "./model-id.js";
import { assertBody, type BodySchema } from "./native-body-schema.js";
import { uuid } from "./response-ids.js";
import { textChunks } from "./text-chunks.js";
import { turnText } from "./turn-content.js";

const COMMAND_SCHEMA: BodySchema = {
  required: ["prompt"],
  properties: {
    prompt: { type: "string" },
    temperature: { type: "number", minimum: 0, maximum: 5 },
    p: { type: "number", minimum: 0, maximum: 1 },
    k: { type: "integer", minimum: 0, maximum: 500 },
    max_tokens: { type: "integer", minimum: 1 },
    stop_sequences: { type: "array", items: { type: "string" } },
    return_likelihoods: { type: "string", enum: ["GENERATION", "ALL", "NONE"] },
    stream: { type: "boolean" },
    num_generations: { type: "integer", minimum: 1, maximum: 5 },
    logit_bias: { type: "object" },
    truncate: { type: "string", enum: ["NONE", "START", "END"] },
  },
};

function parseCommandRequest(body: unknown): WireConverseRequest {
  assertBody(body, COMMAND_SCHEMA);
  const request: WireConverseRequest = { messages: [{ role: "user", content: [{ text: body.prompt as string }] }] };
  const config: NonNullable<WireConverseRequest["inferenceConfig"]> = {};
  if (body.max_tokens !== undefined) config.maxTokens = body.max_tokens as number;
  if (body.temperature !== undefined) config.temperature = body.temperature as number;
  if (body.p !== undefined) config.topP = body.p as number;
  const stops = body.stop_sequences as string[] | undefined;
  if (stops !== undefined && stops.length > 0) config.stopSequences = stops;
  if (Object.keys(config).length > 0) request.inferenceConfig = config;
  const extra = Object.fromEntries(["k", "num_generations"].filter((key) => body[key] !== undefined).map((key) => [key, body[key]]));
  if (Object.keys(extra).length > 0) request.additionalModelRequestFields = extra;
  return request;
}

function generationCount(context: RenderContext): number {
  const requested = (context.nativeBody as { num_generations?: unknown } | undefined)?.num_generations;
  return typeof requested === "number" && requested > 1 ? requested : 1;
}

// One scripted turn answers every requested generation with the same text.
function renderCommandResponse(turn: ModelTurn, context: RenderContext): unknown {
  const generations = Array.from({ length: generationCount(context) }, () => ({ id: uuid(), text: turnText(turn), finish_reason: cohereFinishReason(turn.stopReason) }));
  return { id: uuid(), generations, prompt: String((context.nativeBody as { prompt?: unknown } | undefined)?.prompt ?? "") };
}

function renderCommandStream(turn: ModelTurn, context: RenderContext): unknown[] {
  const count = generationCount(context);
  const pieces = textChunks(turnText(turn), context.chunkSize);
  const chunks: unknown[] = [];
  for (let index = 0; index < count; index++) {
    for (const text of pieces) chunks.push(count > 1 ? { index, is_finished: false, text } : { is_finished: false, text });
  }
  chunks.push({ finish_reason: cohereFinishReason(turn.stopReason), is_finished: true, "amazon-bedrock-invocationMetrics": context.invocationMetrics });
  return chunks;
}

/**
 * The legacy Cohere Command text models (`cohere.command-text-v14`, `cohere.command-light-text-v14`):
 * a raw `prompt`, `num_generations` and Cohere sampling keys; answered with `generations[]` and
 * `is_finished` stream chunks.
 *
 * @example
 * cohereCommandLegacyFamily.parseRequest({ prompt: "Hello", max_tokens: 10 });
 */
export const cohereCommandLegacyFamily: ModelFamily = {
  name: "cohere-command-legacy",
  matches: modelIdMatcher(/^cohere\.command-(?:light-)?text/),
  parseRequest: parseCommandRequest,
  renderResponse: renderCommandResponse,
  renderStream: renderCommandStream,
};
