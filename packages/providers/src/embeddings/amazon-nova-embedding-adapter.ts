import { NativeResponseError } from "../errors/native-response-error.js";
import { NO_FEATURES } from "../features/family-features.js";
import { asArray, asRecord } from "../shared/native-values.js";
import type { EmbeddingFamilyAdapter, EmbeddingInputType } from "./embedding-adapter.js";

const FAMILY = "amazon-nova-embed";

// Nova's embeddingPurpose for each input type: an index of documents, or a query against it.
const PURPOSE: Readonly<Record<EmbeddingInputType, string>> = {
  search_document: "GENERIC_INDEX",
  search_query: "GENERIC_RETRIEVAL",
  classification: "CLASSIFICATION",
  clustering: "CLUSTERING",
};

/**
 * Amazon Nova Multimodal Embeddings (`amazon.nova-2-multimodal-embeddings-v1:0`) for text: one
 * text per call as a `SINGLE_EMBEDDING` task, `embeddingDimension` 3072 (default), 1024, 384 or
 * 256, the input type as `embeddingPurpose`, `truncate` as the text's `truncationMode` (default
 * `END`).
 *
 * @example
 * amazonNovaEmbeddingAdapter.buildRequest({ texts: ["Hello"], dimensions: 256, normalize: undefined, inputType: "search_query", truncate: undefined }, "amazon.nova-2-multimodal-embeddings-v1:0");
 * // { taskType: "SINGLE_EMBEDDING", singleEmbeddingParams: { embeddingPurpose: "GENERIC_RETRIEVAL", embeddingDimension: 256, text: { truncationMode: "END", value: "Hello" } } }
 */
export const amazonNovaEmbeddingAdapter: EmbeddingFamilyAdapter = {
  family: FAMILY,
  displayName: "Amazon Nova Multimodal Embeddings",
  exampleModelIds: ["amazon.nova-2-multimodal-embeddings-v1:0"],
  features: { ...NO_FEATURES, embeddings: true },
  maxBatchSize: 1,
  matches: (id) => /^amazon\.nova-(?:2-)?multimodal-embeddings/.test(id),
  dimensionsFor: () => [3072, 1024, 384, 256],
  buildRequest(request) {
    return {
      taskType: "SINGLE_EMBEDDING",
      singleEmbeddingParams: {
        embeddingPurpose: PURPOSE[request.inputType],
        embeddingDimension: request.dimensions ?? 3072,
        text: { truncationMode: request.truncate ?? "END", value: request.texts[0] ?? "" },
      },
    };
  },
  parseResponse(body) {
    const vector = asArray(asRecord(asArray(body.embeddings)?.[0])?.embedding);
    if (!vector || !vector.every((value) => typeof value === "number")) {
      throw new NativeResponseError(FAMILY, "the body has no embeddings[0].embedding array of numbers", body);
    }
    return { embeddings: [vector as number[]] };
  },
};
