import type { ModelFamilyAdapter } from "../../adapter.js";
import { NO_FEATURES } from "../../features/family-features.js";
import { AMAZON_NOVA_FAMILY, AMAZON_NOVA_NAME, buildNovaRequest } from "./amazon-nova-request.js";
import { parseNovaResponse } from "./amazon-nova-response.js";
import { createNovaStreamDecoder } from "./amazon-nova-stream.js";

/**
 * Amazon Nova understanding models (Micro, Lite, Pro, Premier, Nova 2) with the
 * `messages-v1` schema: Converse-shaped messages, `toolConfig`, images and documents as base64,
 * reasoning on Nova 2, and both spellings of the inference keys.
 *
 * @example
 * amazonNovaAdapter.matches("amazon.nova-lite-v1:0"); // true
 */
export const amazonNovaAdapter: ModelFamilyAdapter = {
  family: AMAZON_NOVA_FAMILY,
  displayName: AMAZON_NOVA_NAME,
  exampleModelIds: ["amazon.nova-lite-v1:0", "us.amazon.nova-pro-v1:0", "us.amazon.nova-2-lite-v1:0"],
  features: {
    ...NO_FEATURES,
    text: true,
    systemPrompt: true,
    multiTurn: true,
    tools: true,
    streaming: true,
    streamedTools: true,
    images: { note: "not Nova Micro", models: (id) => !/nova-micro/.test(id) },
    documents: { note: "not Nova Micro", models: (id) => !/nova-micro/.test(id) },
    reasoning: { note: "Nova 2 models", models: (id) => /nova-2/.test(id) },
    stopSequences: true,
  },
  // Canvas, Reel and Sonic are image, video and speech models with other APIs; the multimodal
  // embeddings model has its own embedding adapter.
  matches: (id) => /^amazon\.nova-(?!canvas|reel|sonic|2-sonic|(?:2-)?multimodal-embeddings)/.test(id),
  buildRequest: (request) => buildNovaRequest(request),
  parseResponse: (body) => parseNovaResponse(body),
  createStreamDecoder: (writer) => createNovaStreamDecoder(writer),
};
