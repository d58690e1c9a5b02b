import { NativeResponseError } from "../errors/native-response-error.js";
import { NO_FEATURES } from "../features/family-features.js";
import { asArray, asRecord, compact } from "../shared/native-values.js";
import type { EmbeddingFamilyAdapter } from "./embedding-adapter.js";

const FAMILY = "cohere-embed";

function isVersion4(baseModelId: string | undefined): boolean {
  return baseModelId !== undefined && /embed-v4/.test(baseModelId);
}

function vectors(value: unknown): number[][] | undefined {
  const list = asArray(value);
  if (!list || !list.every((vector) => Array.isArray(vector) && vector.every((item) => typeof item === "number"))) return undefined;
  return list as number[][];
}

/**
 * Cohere Embed v3 (English, Multilingual: 1024 dimensions) and v4 (`output_dimension` 1536,
 * 1024, 512 or 256): up to 96 `texts` per call with an `input_type`. Float vectors are asked
 * for explicitly, and both response shapes (`embeddings_floats`, `embeddings_by_type`) are read.
 *
 * @example
 * cohereEmbeddingAdapter.buildRequest({ texts: ["a", "b"], dimensions: undefined, normalize: undefined, inputType: "search_query", truncate: undefined }, "cohere.embed-english-v3");
 * // { texts: ["a", "b"], input_type: "search_query" }
 */
export const cohereEmbeddingAdapter: EmbeddingFamilyAdapter = {
  family: FAMILY,
  displayName: "Cohere Embed",
  exampleModelIds: ["cohere.embed-english-v3", "cohere.embed-multilingual-v3", "cohere.embed-v4:0"],
  features: { ...NO_FEATURES, embeddings: true },
  maxBatchSize: 96,
  matches: (id) => /^cohere\.embed/.test(id),
  dimensionsFor: (id) => (isVersion4(id) ? [1536, 1024, 512, 256] : id === undefined ? undefined : [1024]),
  buildRequest(request, baseModelId) {
    return compact({
      texts: request.texts,
      input_type: request.inputType,
      truncate: request.truncate,
      output_dimension: isVersion4(baseModelId) ? request.dimensions : undefined,
    });
  },
  parseResponse(body) {
    const floats = vectors(body.embeddings) ?? vectors(asRecord(body.embeddings)?.float);
    if (!floats) throw new NativeResponseError(FAMILY, "the body has no float embeddings", body);
    return { embeddings: floats };
  },
};
