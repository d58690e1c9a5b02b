import type { WireConverseRequest } from "../wire/converse-types.js";
import type { EmbeddingResult, ModelFamily } from "./model-family.js";
import { embeddingVector } from "./embedding-vector.js";
import { foundationModelId, modelIdMatcher } from "./model-id.js";
import { assertBody, type BodySchema } from "./native-body-schema.js";
import { refuseStreaming, refuseTurn } from "./refuse-turn.js";
import { estimateTokenCount } from "./token-estimate.js";

const V1_SCHEMA: BodySchema = { required: ["inputText"], properties: { inputText: { type: "string", minLength: 1 } } };

const V2_SCHEMA: BodySchema = {
  required: ["inputText"],
  properties: {
    inputText: { type: "string", minLength: 1 },
    dimensions: { type: "integer", enum: [256, 512, 1024] },
    normalize: { type: "boolean" },
    embeddingTypes: { type: "array", minItems: 1, items: { type: "string", enum: ["float", "binary"] } },
  },
};

function isVersion2(modelId: string): boolean {
  return /^amazon\.titan-embed-text-v2/.test(foundationModelId(modelId));
}

function embedTitan(body: unknown, modelId: string): EmbeddingResult {
  const version2 = isVersion2(modelId);
  assertBody(body, version2 ? V2_SCHEMA : V1_SCHEMA);
  const text = body.inputText as string;
  const inputTokens = estimateTokenCount(text);
  if (!version2) return { body: { embedding: embeddingVector(text, 1536, false, "titan-v1"), inputTextTokenCount: inputTokens }, inputTokens };
  const dimensions = (body.dimensions as number | undefined) ?? 1024;
  const vector = embeddingVector(text, dimensions, body.normalize !== false, "titan-v2");
  const types = (body.embeddingTypes as string[] | undefined) ?? ["float"];
  const byType: Record<string, number[]> = {};
  if (types.includes("float")) byType.float = vector;
  if (types.includes("binary")) byType.binary = vector.map((value) => (value > 0 ? 1 : 0));
  // `embedding` is always the float vector, even when only binary was asked for.
  return { body: { embedding: vector, inputTextTokenCount: inputTokens, embeddingsByType: byType }, inputTokens };
}

function parseTitanEmbeddingRequest(body: unknown): WireConverseRequest {
  assertBody(body, { required: ["inputText"], open: true, properties: { inputText: { type: "string" } } });
  return { messages: [{ role: "user", content: [{ text: body.inputText as string }] }] };
}

/**
 * Amazon Titan Text Embeddings V1 (`amazon.titan-embed-text-v1`, 1536 values, not normalised)
 * and V2 (`amazon.titan-embed-text-v2:0`: `dimensions` 256/512/1024, `normalize`,
 * `embeddingTypes` float/binary). Vectors are deterministic per text; no streaming.
 *
 * @example
 * amazonTitanEmbeddingsFamily.embed?.({ inputText: "Hello", dimensions: 256 }, "amazon.titan-embed-text-v2:0");
 */
export const amazonTitanEmbeddingsFamily: ModelFamily = {
  name: "amazon-titan-embeddings",
  matches: modelIdMatcher(/^amazon\.titan-embed-(?:text|g1-text)/),
  embedding: true,
  supportsStreaming: false,
  parseRequest: parseTitanEmbeddingRequest,
  renderResponse: refuseTurn,
  renderStream: refuseStreaming,
  embed: embedTitan,
};
