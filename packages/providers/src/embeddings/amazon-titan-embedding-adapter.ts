import { NativeResponseError } from "../errors/native-response-error.js";
import { NO_FEATURES } from "../features/family-features.js";
import { asArray, asNumber, compact } from "../shared/native-values.js";
import type { EmbeddingFamilyAdapter } from "./embedding-adapter.js";

const FAMILY = "amazon-titan-embed";

function isVersion1(baseModelId: string | undefined): boolean {
  return baseModelId !== undefined && /titan-embed-(text-v1|g1-text)/.test(baseModelId);
}

/**
 * Amazon Titan Text Embeddings V2 (`amazon.titan-embed-text-v2:0`: `dimensions` 1024, 512 or
 * 256, `normalize`) and V1 (1536 dimensions). One text per call.
 *
 * @example
 * amazonTitanEmbeddingAdapter.buildRequest({ texts: ["Hello"], dimensions: 256, normalize: true, inputType: "search_document", truncate: undefined }, "amazon.titan-embed-text-v2:0");
 * // { inputText: "Hello", dimensions: 256, normalize: true }
 */
export const amazonTitanEmbeddingAdapter: EmbeddingFamilyAdapter = {
  family: FAMILY,
  displayName: "Amazon Titan Text Embeddings",
  exampleModelIds: ["amazon.titan-embed-text-v2:0", "amazon.titan-embed-text-v1"],
  features: { ...NO_FEATURES, embeddings: true },
  maxBatchSize: 1,
  matches: (id) => /^amazon\.titan-embed-(text|g1-text)/.test(id),
  dimensionsFor: (id) => (isVersion1(id) ? [1536] : id === undefined ? undefined : [1024, 512, 256]),
  buildRequest(request, baseModelId) {
    const inputText = request.texts[0] ?? "";
    if (isVersion1(baseModelId)) return { inputText };
    return compact({ inputText, dimensions: request.dimensions, normalize: request.normalize });
  },
  parseResponse(body) {
    const vector = asArray(body.embedding);
    if (!vector || !vector.every((value) => typeof value === "number")) {
      throw new NativeResponseError(FAMILY, "the body has no numeric embedding array", body);
    }
    const inputTokens = asNumber(body.inputTextTokenCount);
    return { embeddings: [vector as number[]], ...(inputTokens !== undefined && { inputTokens }) };
  },
};
