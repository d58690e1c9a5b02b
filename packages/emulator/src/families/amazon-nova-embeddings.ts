import type { WireConverseRequest } from "../wire/converse-types.js";
import type { EmbeddingResult, ModelFamily } from "./model-family.js";
import { embeddingVector } from "./embedding-vector.js";
import { modelIdMatcher } from "./model-id.js";
import { NativeBodyError } from "./model-family.js";
import { assertBody, type BodySchema } from "./native-body-schema.js";
import { refuseStreaming, refuseTurn } from "./refuse-turn.js";
import { estimateTokenCount } from "./token-estimate.js";

const PURPOSES = ["GENERIC_INDEX", "GENERIC_RETRIEVAL", "TEXT_RETRIEVAL", "IMAGE_RETRIEVAL", "VIDEO_RETRIEVAL", "DOCUMENT_RETRIEVAL", "AUDIO_RETRIEVAL", "CLASSIFICATION", "CLUSTERING"];
const MEDIA = { source: { type: "object" as const }, format: { type: "string" as const } };

const NOVA_EMBEDDINGS_SCHEMA: BodySchema = {
  required: ["taskType", "singleEmbeddingParams"],
  properties: {
    schemaVersion: { type: "string", enum: ["nova-multimodal-embed-v1"] },
    // Synchronous calls take single embeddings; segmented ones go through StartAsyncInvoke.
    taskType: { type: "string", enum: ["SINGLE_EMBEDDING"] },
    singleEmbeddingParams: {
      type: "object",
      required: ["embeddingPurpose"],
      properties: {
        embeddingPurpose: { type: "string", enum: PURPOSES },
        embeddingDimension: { type: "integer", enum: [256, 384, 1024, 3072] },
        text: { type: "object", properties: { truncationMode: { type: "string", enum: ["START", "END", "NONE"] }, value: { type: "string", minLength: 1 }, source: { type: "object" } } },
        image: { type: "object", properties: { ...MEDIA, detailLevel: { type: "string", enum: ["STANDARD_IMAGE", "DOCUMENT_IMAGE"] } } },
        audio: { type: "object", properties: MEDIA },
        video: { type: "object", properties: { ...MEDIA, embeddingMode: { type: "string", enum: ["AUDIO_VIDEO_COMBINED", "AUDIO_VIDEO_SEPARATE"] } } },
      },
    },
  },
};

// The service puts its purpose instruction before the text: recorded 18 tokens for a 3-word text.
const INSTRUCTION_TOKENS = 15;
const MODALITIES = ["text", "image", "audio", "video"] as const;

type Params = Record<string, Record<string, unknown> | string | number | undefined>;

function embedNova(body: unknown, modelId: string): EmbeddingResult {
  assertBody(body, NOVA_EMBEDDINGS_SCHEMA);
  const params = body.singleEmbeddingParams as Params;
  const present = MODALITIES.filter((modality) => params[modality] !== undefined);
  if (present.length !== 1) throw new NativeBodyError("Malformed input request: singleEmbeddingParams must contain exactly one of text, image, audio or video, please reformat your input and try again.");
  const modality = present[0] ?? "text";
  const input = params[modality] as Record<string, unknown>;
  const key = typeof input.value === "string" ? input.value : JSON.stringify(input.source ?? {});
  const dimensions = (params.embeddingDimension as number | undefined) ?? 3072;
  const inputTokens = (modality === "text" ? estimateTokenCount(key) : 0) + INSTRUCTION_TOKENS;
  const embedding = embeddingVector(`${String(params.embeddingPurpose)}\u0000${key}`, dimensions, true, modelId.includes("nova-2") ? "nova-2-mme" : "nova-mme");
  return { body: { embeddings: [{ embeddingType: modality.toUpperCase(), embedding }] }, inputTokens };
}

function parseNovaEmbeddingRequest(body: unknown): WireConverseRequest {
  assertBody(body, { required: ["singleEmbeddingParams"], open: true, properties: { singleEmbeddingParams: { type: "object" } } });
  const text = ((body.singleEmbeddingParams as Params).text as Record<string, unknown> | undefined)?.value;
  return { messages: [{ role: "user", content: [{ text: typeof text === "string" ? text : "" }] }] };
}

/**
 * Amazon Nova Multimodal Embeddings (`amazon.nova-2-multimodal-embeddings-v1:0`): one embedding
 * of a text, image, audio or video input per call (`taskType: "SINGLE_EMBEDDING"`), 256/384/1024/3072
 * dimensions (3072 by default), unit length, answered as `{"embeddings":[{"embeddingType":"TEXT",
 * "embedding":[…]}]}`. Vectors are deterministic per purpose and input; no streaming.
 *
 * @example
 * amazonNovaEmbeddingsFamily.embed?.({ taskType: "SINGLE_EMBEDDING", singleEmbeddingParams: { embeddingPurpose: "GENERIC_INDEX", text: { value: "Hi", truncationMode: "END" } } }, "amazon.nova-2-multimodal-embeddings-v1:0");
 */
export const amazonNovaEmbeddingsFamily: ModelFamily = {
  name: "amazon-nova-embeddings",
  matches: modelIdMatcher(/^amazon\.nova-(?:2-)?multimodal-embeddings/),
  embedding: true,
  supportsStreaming: false,
  parseRequest: parseNovaEmbeddingRequest,
  renderResponse: refuseTurn,
  renderStream: refuseStreaming,
  embed: embedNova,
};
