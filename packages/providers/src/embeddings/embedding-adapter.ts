import type { NativeBody } from "../adapter.js";
import type { FamilyFeatures } from "../features/family-features.js";

/** What an embedding call asks for, after validation. */
export interface EmbeddingRequest {
  texts: string[];
  /** Vector length; `undefined` for the model's default. */
  dimensions: number | undefined;
  /** Titan V2: unit-length vectors (default true). */
  normalize: boolean | undefined;
  /** Cohere: how the texts will be used (default `search_document`). */
  inputType: EmbeddingInputType;
  /** Cohere: how over-long texts are cut. */
  truncate: "NONE" | "START" | "END" | undefined;
}

/** Cohere's `input_type`: what the embedded texts are for. */
export type EmbeddingInputType = "search_document" | "search_query" | "classification" | "clustering";

/**
 * One embedding model family's InvokeModel dialect. `embed()` batches texts by `maxBatchSize`,
 * validates `dimensions` against `dimensionsFor`, and checks every vector's length.
 *
 * @example
 * const body = amazonTitanEmbeddingAdapter.buildRequest({ texts: ["hi"], dimensions: 256, ... }, "amazon.titan-embed-text-v2:0");
 */
export interface EmbeddingFamilyAdapter {
  readonly family: string;
  readonly displayName: string;
  readonly exampleModelIds: readonly string[];
  readonly features: FamilyFeatures;
  /** Texts per InvokeModel call. */
  readonly maxBatchSize: number;
  matches(baseModelId: string): boolean;
  /** The vector lengths a model offers, the default first; `undefined` when unknown (custom models). */
  dimensionsFor(baseModelId: string | undefined): readonly number[] | undefined;
  buildRequest(request: EmbeddingRequest, baseModelId: string | undefined): NativeBody;
  /** The vectors in input order and the input token count when the body has one. */
  parseResponse(body: NativeBody): { embeddings: number[][]; inputTokens?: number };
}
