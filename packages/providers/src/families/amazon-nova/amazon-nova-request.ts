import type { ContentBlock, Message, ToolResultContentBlock } from "@aws-sdk/client-bedrock-runtime";
import type { ModelRequest } from "@sluice/core";
import type { NativeBody } from "../../adapter.js";
import { additionalFields, inferenceSettings, toBase64 } from "../../shared/converse-content.js";
import { asRecord, compact } from "../../shared/native-values.js";

export const AMAZON_NOVA_FAMILY = "amazon-nova";
export const AMAZON_NOVA_NAME = "Amazon Nova";

// Nova 1 documents snake_case inference keys, Nova 2 camelCase; both are accepted and sent as camelCase.
const INFERENCE_KEY_SPELLINGS: Readonly<Record<string, string>> = {
  max_new_tokens: "maxTokens",
  max_tokens: "maxTokens",
  top_p: "topP",
  top_k: "topK",
  stop_sequences: "stopSequences",
  reasoning_config: "reasoningConfig",
};

/**
 * Nova's `inferenceConfig` with either spelling of its keys (`max_new_tokens`/`maxTokens`,
 * `top_p`/`topP`, `top_k`/`topK`) normalised to camelCase, so a key given both ways is sent once.
 *
 * @example
 * normaliseNovaInferenceConfig({ max_new_tokens: 10, top_k: 5 }); // { maxTokens: 10, topK: 5 }
 */
export function normaliseNovaInferenceConfig(config: Record<string, unknown>): Record<string, unknown> {
  const normalised: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (value !== undefined) normalised[INFERENCE_KEY_SPELLINGS[key] ?? key] = value;
  }
  return normalised;
}

// Converse blobs are bytes; Nova's Invoke schema wants base64 strings in the same places.
function withBase64<T extends { source?: { bytes?: Uint8Array | string } }>(media: T): T {
  if (media.source?.bytes === undefined) return media;
  return { ...media, source: { ...media.source, bytes: toBase64(media.source.bytes) } } as T;
}

function toolResultContent(block: ToolResultContentBlock): unknown {
  if (block.image) return { image: withBase64(block.image) };
  if (block.document) return { document: withBase64(block.document) };
  return block;
}

function contentBlock(block: ContentBlock): unknown {
  if (block.image) return { image: withBase64(block.image) };
  if (block.document) return { document: withBase64(block.document) };
  if (block.toolUse) return { toolUse: { toolUseId: block.toolUse.toolUseId, name: block.toolUse.name, input: block.toolUse.input ?? {} } };
  if (block.toolResult) return { toolResult: { ...block.toolResult, content: (block.toolResult.content ?? []).map(toolResultContent) } };
  if (block.reasoningContent?.redactedContent) return { reasoningContent: { redactedContent: toBase64(block.reasoningContent.redactedContent) } };
  return block;
}

function nativeMessage(message: Message): unknown {
  return { role: message.role, content: (message.content ?? []).map(contentBlock) };
}

/**
 * Converse request → Nova `messages-v1` body: the same message and tool shapes with media as
 * base64, `inferenceConfig` with camelCase keys (either spelling accepted in
 * `additionalModelRequestFields.inferenceConfig`), other additional fields at the top level.
 *
 * @example
 * buildNovaRequest({ modelId, system: [{ text: "Be brief." }], messages, inferenceConfig: { maxTokens: 500 } });
 */
export function buildNovaRequest(request: ModelRequest): NativeBody {
  const settings = inferenceSettings(request);
  const { inferenceConfig: extraInference, ...extra } = additionalFields(request);
  const inferenceConfig = normaliseNovaInferenceConfig({
    maxTokens: settings.maxTokens,
    temperature: settings.temperature,
    topP: settings.topP,
    stopSequences: settings.stopSequences,
    ...asRecord(extraInference),
  });
  return compact({
    schemaVersion: "messages-v1",
    system: (request.system ?? []).length > 0 ? request.system : undefined,
    messages: (request.messages ?? []).map(nativeMessage),
    inferenceConfig: Object.keys(inferenceConfig).length > 0 ? inferenceConfig : undefined,
    toolConfig: request.toolConfig,
    ...extra,
  });
}
