import type { WireContentBlock, WireConverseRequest, WireMessage } from "../wire/converse-types.js";
import type { ModelFamily, ModelTurn, RenderContext } from "./model-family.js";
import { modelIdMatcher } from "./model-id.js";
import { assertBody, type BodySchema } from "./native-body-schema.js";
import { textChunks } from "./text-chunks.js";

const CONTENT_KEYS = ["text", "image", "video", "document", "toolUse", "toolResult", "cachePoint", "reasoningContent"];

const NOVA_SCHEMA: BodySchema = {
  required: ["messages"],
  properties: {
    schemaVersion: { type: "string", enum: ["messages-v1"] },
    system: { type: "array", items: { type: "object", properties: { text: { type: "string" }, cachePoint: { type: "object" } } } },
    messages: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["role", "content"],
        properties: {
          role: { type: "string", enum: ["user", "assistant"] },
          content: { type: "array", items: { type: "object", properties: Object.fromEntries(CONTENT_KEYS.map((key) => [key, {}])) } },
        },
      },
    },
    // Nova 1 documents snake_case keys, Nova 2 camelCase; the service takes both.
    inferenceConfig: {
      type: "object",
      properties: {
        max_new_tokens: { type: "integer", minimum: 1 },
        maxTokens: { type: "integer", minimum: 1 },
        temperature: { type: "number", minimum: 0, maximum: 1 },
        top_p: { type: "number", minimum: 0, maximum: 1 },
        topP: { type: "number", minimum: 0, maximum: 1 },
        top_k: { type: "integer", minimum: 0 },
        topK: { type: "integer", minimum: 0 },
        stopSequences: { type: "array", items: { type: "string" } },
        reasoningConfig: { type: "object" },
      },
    },
    toolConfig: { type: "object", required: ["tools"], properties: { tools: { type: "array" }, toolChoice: { type: "object" } } },
  },
};

function parseNovaRequest(body: unknown): WireConverseRequest {
  assertBody(body, NOVA_SCHEMA);
  const request: WireConverseRequest = { messages: body.messages as WireMessage[] };
  if (body.system !== undefined) request.system = body.system as WireConverseRequest["system"];
  if (body.toolConfig !== undefined) request.toolConfig = body.toolConfig as WireConverseRequest["toolConfig"];
  const config = body.inferenceConfig as Record<string, unknown> | undefined;
  if (config !== undefined) {
    const maxTokens = config.maxTokens ?? config.max_new_tokens;
    const topP = config.topP ?? config.top_p;
    const topK = config.topK ?? config.top_k;
    request.inferenceConfig = {};
    if (maxTokens !== undefined) request.inferenceConfig.maxTokens = maxTokens as number;
    if (config.temperature !== undefined) request.inferenceConfig.temperature = config.temperature as number;
    if (topP !== undefined) request.inferenceConfig.topP = topP as number;
    if (config.stopSequences !== undefined) request.inferenceConfig.stopSequences = config.stopSequences as string[];
    const extra: Record<string, unknown> = {};
    if (topK !== undefined) extra.topK = topK;
    if (config.reasoningConfig !== undefined) extra.reasoningConfig = config.reasoningConfig;
    if (Object.keys(extra).length > 0) request.additionalModelRequestFields = { inferenceConfig: extra };
  }
  return request;
}

function novaBlock(block: WireContentBlock): Record<string, unknown> | undefined {
  if (block.text !== undefined) return { text: block.text };
  if (block.toolUse) return { toolUse: { toolUseId: block.toolUse.toolUseId, name: block.toolUse.name, input: block.toolUse.input ?? {} } };
  if (block.reasoningContent) return { reasoningContent: block.reasoningContent };
  return undefined;
}

function novaBlocks(turn: ModelTurn): Record<string, unknown>[] {
  return turn.content.flatMap((block) => {
    const converted = novaBlock(block);
    return converted ? [converted] : [];
  });
}

function novaUsage(turn: ModelTurn, withTotal: boolean): Record<string, number> {
  const { inputTokens, outputTokens, totalTokens } = turn.usage;
  return {
    inputTokens,
    outputTokens,
    ...(withTotal ? { totalTokens } : {}),
    cacheReadInputTokenCount: turn.usage.cacheReadInputTokens ?? 0,
    cacheWriteInputTokenCount: turn.usage.cacheWriteInputTokens ?? 0,
  };
}

function renderNovaResponse(turn: ModelTurn): unknown {
  return { output: { message: { content: novaBlocks(turn), role: "assistant" } }, stopReason: turn.stopReason, usage: novaUsage(turn, true) };
}

function blockDeltas(block: Record<string, unknown>, chunkSize: number): unknown[] {
  // Nova sends an empty text delta rather than none for an empty block.
  if (typeof block.text === "string") return (block.text === "" ? [""] : textChunks(block.text, chunkSize)).map((text) => ({ text }));
  const toolUse = block.toolUse as { input: unknown } | undefined;
  if (toolUse) return [{ toolUse: { input: JSON.stringify(toolUse.input) } }];
  const reasoning = block.reasoningContent as { reasoningText?: { text: string }; redactedContent?: string };
  if (reasoning.reasoningText) return textChunks(reasoning.reasoningText.text, chunkSize).map((text) => ({ reasoningContent: { text } }));
  return [{ reasoningContent: { redactedContent: reasoning.redactedContent } }];
}

function renderNovaStream(turn: ModelTurn, context: RenderContext): unknown[] {
  const chunks: unknown[] = [{ messageStart: { role: "assistant" } }];
  novaBlocks(turn).forEach((block, contentBlockIndex) => {
    const toolUse = block.toolUse as { toolUseId: string; name: string } | undefined;
    // Like ConverseStream, only tool-use blocks open with contentBlockStart.
    if (toolUse) chunks.push({ contentBlockStart: { start: { toolUse: { toolUseId: toolUse.toolUseId, name: toolUse.name } }, contentBlockIndex } });
    for (const delta of blockDeltas(block, context.chunkSize)) chunks.push({ contentBlockDelta: { delta, contentBlockIndex } });
    chunks.push({ contentBlockStop: { contentBlockIndex } });
  });
  chunks.push({ messageStop: { stopReason: turn.stopReason } });
  chunks.push({ metadata: { usage: novaUsage(turn, false), metrics: {}, trace: {} }, "amazon-bedrock-invocationMetrics": context.invocationMetrics });
  return chunks;
}

/**
 * Amazon Nova understanding models (Micro, Lite, Pro, Premier, Nova 2) with the `messages-v1`
 * schema: Converse-shaped messages with base64 media, `inferenceConfig` in either spelling
 * (`max_new_tokens`/`top_p`/`top_k` or `maxTokens`/`topP`/`topK`), and `toolConfig`.
 *
 * @example
 * amazonNovaFamily.matches("us.amazon.nova-lite-v1:0"); // true
 */
export const amazonNovaFamily: ModelFamily = {
  name: "amazon-nova",
  matches: modelIdMatcher(/^amazon\.nova-(?!canvas|reel|sonic|2-sonic|(?:2-)?multimodal-embeddings)/),
  parseRequest: parseNovaRequest,
  renderResponse: renderNovaResponse,
  renderStream: renderNovaStream,
};
