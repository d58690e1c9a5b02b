import { type BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { ConfigurationError, compatibleClient } from "@sluice/core";
import { sendWithSignal } from "@sluice/core/internal";
import { NativeResponseError } from "../errors/native-response-error.js";
import { captureHeaders, type Headers } from "../invoke/capture-headers.js";
import { encodeNativeBody, parseNativeJson } from "../invoke/invoke-command-input.js";
import { resolveFamily } from "../resolve/resolve-family.js";
import { usageFromHeaders } from "../shared/token-usage.js";
import { amazonNovaEmbeddingAdapter } from "./amazon-nova-embedding-adapter.js";
import { amazonTitanEmbeddingAdapter } from "./amazon-titan-embedding-adapter.js";
import { cohereEmbeddingAdapter } from "./cohere-embedding-adapter.js";
import type { EmbeddingFamilyAdapter, EmbeddingInputType, EmbeddingRequest } from "./embedding-adapter.js";

/** Every built-in embedding family. */
export const EMBEDDING_FAMILY_ADAPTERS: readonly EmbeddingFamilyAdapter[] = [amazonTitanEmbeddingAdapter, amazonNovaEmbeddingAdapter, cohereEmbeddingAdapter];

const INPUT_TYPES = new Set<EmbeddingInputType>(["search_document", "search_query", "classification", "clustering"]);

/** Options of {@link embed}. */
export interface EmbedOptions {
  /** Base model ID, inference profile or ARN, e.g. `amazon.titan-embed-text-v2:0`. */
  modelId: string;
  /** One text or several; each becomes one vector, in order. */
  input: string | readonly string[];
  /** Vector length, e.g. 256 for Titan V2; must be one the model offers. Default: the model's default. */
  dimensions?: number;
  /** Titan V2: unit-length vectors (the model's default is true). */
  normalize?: boolean;
  /** Cohere: what the texts are for (default `search_document`). */
  inputType?: EmbeddingInputType;
  /** Cohere: how texts over the model's limit are cut (`NONE` fails instead). */
  truncate?: "NONE" | "START" | "END";
  /** Required for ARNs that name no family (provisioned, custom, imported models): `amazon-titan-embed` or `cohere-embed`. */
  family?: string;
  signal?: AbortSignal;
  /** Parallel InvokeModel calls for families that take one text per call (default 4). */
  concurrency?: number;
  /** Extra embedding adapters to choose from (default: the built-in ones). */
  adapters?: readonly EmbeddingFamilyAdapter[];
}

/** What {@link embed} returns. */
export interface EmbedResult {
  /** One vector per input text, in input order. */
  embeddings: number[][];
  /** The length of every vector. */
  dimensions: number;
  /** Input tokens billed over all calls (from the body or the token-count header). */
  inputTokens: number;
  /** The embedding family that served the call. */
  family: string;
}

function validate(options: EmbedOptions, adapter: EmbeddingFamilyAdapter, baseModelId: string | undefined): EmbeddingRequest {
  const texts = typeof options.input === "string" ? [options.input] : [...options.input];
  if (texts.length === 0) throw new ConfigurationError("embed() needs at least one input text.");
  texts.forEach((text, index) => {
    if (typeof text !== "string" || text.trim() === "") throw new ConfigurationError(`embed() input ${index} is empty; every text must have content.`);
  });
  const offered = adapter.dimensionsFor(baseModelId);
  if (options.dimensions !== undefined && offered !== undefined && !offered.includes(options.dimensions)) {
    throw new ConfigurationError(
      `${baseModelId ?? options.modelId} makes vectors of ${offered.join(", ")} dimensions, not ${options.dimensions}. Pass one of those as dimensions.`,
    );
  }
  const inputType = options.inputType ?? "search_document";
  if (!INPUT_TYPES.has(inputType)) throw new ConfigurationError(`inputType "${inputType}" is not one of ${[...INPUT_TYPES].join(", ")}.`);
  return { texts, dimensions: options.dimensions, normalize: options.normalize, inputType, truncate: options.truncate };
}

async function runPool<T>(count: number, limit: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return results;
}

/**
 * Embeds texts with Titan Text Embeddings (V2, V1) or Cohere Embed (v3, v4) over InvokeModel:
 * chooses the family from the model ID, checks the requested dimension, batches texts (one per
 * call for Titan, 96 for Cohere), and checks every returned vector has the requested length.
 *
 * @example
 * const { embeddings } = await embed(client, { modelId: "amazon.titan-embed-text-v2:0", input: ["a", "b"], dimensions: 256 });
 * embeddings[0].length; // 256
 */
export async function embed(client: BedrockRuntimeClient, options: EmbedOptions): Promise<EmbedResult> {
  const adapters = options.adapters ?? EMBEDDING_FAMILY_ADAPTERS;
  const { adapter, baseModelId } = resolveFamily(options.modelId, options.family, adapters, "embedding family");
  const request = validate(options, adapter, baseModelId);
  const batches: string[][] = [];
  for (let start = 0; start < request.texts.length; start += adapter.maxBatchSize) batches.push(request.texts.slice(start, start + adapter.maxBatchSize));
  const expected = options.dimensions ?? adapter.dimensionsFor(baseModelId)?.[0];
  const results = await runPool(batches.length, Math.max(1, options.concurrency ?? 4), async (index) => {
    const texts = batches[index] ?? [];
    const body = adapter.buildRequest({ ...request, texts }, baseModelId);
    const command = new InvokeModelCommand({
      modelId: options.modelId,
      body: encodeNativeBody(body),
      contentType: "application/json",
      accept: "application/json",
    });
    const captured: { headers: Headers } = { headers: {} };
    captureHeaders(command, captured);
    const output = await sendWithSignal(options.signal, (sendOptions) => compatibleClient(client).send(command, sendOptions), "embedding call");
    const parsed = adapter.parseResponse(parseNativeJson(output.body, adapter.family));
    if (parsed.embeddings.length !== texts.length) {
      throw new NativeResponseError(adapter.family, `asked for ${texts.length} vectors, got ${parsed.embeddings.length}`, parsed);
    }
    return { ...parsed, inputTokens: parsed.inputTokens ?? usageFromHeaders(captured.headers).usage.inputTokens ?? 0 };
  });
  const embeddings = results.flatMap((result) => result.embeddings);
  const dimensions = expected ?? embeddings[0]?.length ?? 0;
  const wrong = embeddings.findIndex((vector) => vector.length !== dimensions);
  if (wrong >= 0) {
    throw new NativeResponseError(adapter.family, `vector ${wrong} has ${embeddings[wrong]?.length} dimensions, expected ${dimensions}`, undefined);
  }
  return { embeddings, dimensions, inputTokens: results.reduce((sum, result) => sum + result.inputTokens, 0), family: adapter.family };
}
