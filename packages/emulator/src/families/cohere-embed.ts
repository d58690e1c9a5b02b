import type { WireConverseRequest } from "../wire/converse-types.js";
import type { EmbeddingResult, ModelFamily } from "./model-family.js";
import { NativeBodyError } from "./model-family.js";
import { embeddingVector, packedSigns } from "./embedding-vector.js";
import { foundationModelId, modelIdMatcher } from "./model-id.js";
import { assertBody, type BodySchema } from "./native-body-schema.js";
import { refuseStreaming, refuseTurn } from "./refuse-turn.js";
import { uuid } from "./response-ids.js";
import { estimateTokenCount } from "./token-estimate.js";

const EMBEDDING_TYPES = ["float", "int8", "uint8", "binary", "ubinary"];

const COHERE_EMBED_SCHEMA: BodySchema = {
  required: ["input_type"],
  properties: {
    texts: { type: "array", maxItems: 96, items: { type: "string" } },
    images: { type: "array", maxItems: 1, items: { type: "string" } },
    input_type: { type: "string", enum: ["search_document", "search_query", "classification", "clustering", "image"] },
    truncate: { type: "string", enum: ["NONE", "START", "END"] },
    embedding_types: { type: "array", minItems: 1, items: { type: "string", enum: EMBEDDING_TYPES } },
    output_dimension: { type: "integer", enum: [256, 512, 1024, 1536] },
    max_tokens: { type: "integer", minimum: 1 },
  },
};

function isVersion4(modelId: string): boolean {
  return /^cohere\.embed-v4/.test(foundationModelId(modelId));
}

function converted(vector: number[], type: string): number[] {
  switch (type) {
    case "int8":
      return vector.map((value) => Math.round(value * 127));
    case "uint8":
      return vector.map((value) => Math.round((value + 1) * 127.5));
    case "binary":
      return packedSigns(vector, true);
    case "ubinary":
      return packedSigns(vector, false);
    default:
      return vector;
  }
}

function embedCohere(body: unknown, modelId: string, requestId?: string): EmbeddingResult {
  assertBody(body, COHERE_EMBED_SCHEMA);
  const texts = (body.texts as string[] | undefined) ?? [];
  const images = (body.images as string[] | undefined) ?? [];
  if (texts.length === 0 && images.length === 0) throw new NativeBodyError("Malformed input request: #: required key [texts] not found, please reformat your input and try again.");
  const inputs = texts.length > 0 ? texts : images;
  const version4 = isVersion4(modelId);
  const dimensions = (body.output_dimension as number | undefined) ?? (version4 ? 1536 : 1024);
  const vectors = inputs.map((input) => embeddingVector(input, dimensions, true, foundationModelId(modelId)));
  const inputTokens = texts.reduce((total, text) => total + estimateTokenCount(text), 0);
  const types = body.embedding_types as string[] | undefined;
  const embeddings = types === undefined ? vectors : Object.fromEntries(types.map((type) => [type, vectors.map((vector) => converted(vector, type))]));
  const response: Record<string, unknown> = {
    embeddings,
    // The service echoes its request ID as the response id.
    id: requestId ?? uuid(),
    response_type: types === undefined ? "embeddings_floats" : "embeddings_by_type",
    texts: texts.map((text) => text.toLowerCase()),
  };
  if (images.length > 0) response.images = images.map(() => ({ format: "png" }));
  return { body: response, inputTokens };
}

function parseCohereEmbeddingRequest(body: unknown): WireConverseRequest {
  assertBody(body, { open: true, properties: { texts: { type: "array", items: { type: "string" } } } });
  const texts = (body.texts as string[] | undefined) ?? [];
  return { messages: [{ role: "user", content: texts.map((text) => ({ text })) }] };
}

/**
 * Cohere Embed v3 (`cohere.embed-english-v3`, `cohere.embed-multilingual-v3`, 1024 values) and
 * v4 (`cohere.embed-v4:0`, `output_dimension`): `texts` or `images`, required `input_type`,
 * `embedding_types` (float/int8/uint8/binary/ubinary). Deterministic unit vectors; no streaming.
 *
 * @example
 * cohereEmbedFamily.embed?.({ texts: ["Hello"], input_type: "search_query" }, "cohere.embed-english-v3");
 */
export const cohereEmbedFamily: ModelFamily = {
  name: "cohere-embed",
  matches: modelIdMatcher(/^cohere\.embed-/),
  embedding: true,
  supportsStreaming: false,
  parseRequest: parseCohereEmbeddingRequest,
  renderResponse: refuseTurn,
  renderStream: refuseStreaming,
  embed: embedCohere,
};
