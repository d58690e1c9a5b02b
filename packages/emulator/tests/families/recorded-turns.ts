import type { ModelTurn, RenderContext } from "../../src/families/model-family.js";
import type { StopReason, WireContentBlock, WireUsage } from "../../src/wire/converse-types.js";
import type { RecordedInvocation } from "./recorded-interactions.js";

type Json = Record<string, unknown>;

const NATIVE_STOP: Record<string, StopReason> = {
  end_turn: "end_turn",
  tool_use: "tool_use",
  max_tokens: "max_tokens",
  stop_sequence: "stop_sequence",
  stop: "end_turn",
  length: "max_tokens",
  FINISH: "end_turn",
  LENGTH: "max_tokens",
  COMPLETE: "end_turn",
  MAX_TOKENS: "max_tokens",
  endoftext: "end_turn",
};

function stop(value: unknown): StopReason {
  return NATIVE_STOP[String(value)] ?? "end_turn";
}

function usage(inputTokens: number, outputTokens: number, extra: Partial<WireUsage> = {}): WireUsage {
  return { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens, ...extra };
}

function headerUsage(recorded: RecordedInvocation): WireUsage {
  return usage(Number(recorded.headers["x-amzn-bedrock-input-token-count"] ?? 0), Number(recorded.headers["x-amzn-bedrock-output-token-count"] ?? 0));
}

function metricsUsage(chunks: Json[]): WireUsage {
  const metrics = (chunks.at(-1)?.["amazon-bedrock-invocationMetrics"] ?? {}) as Json;
  return usage(Number(metrics.inputTokenCount ?? 0), Number(metrics.outputTokenCount ?? 0));
}

function anthropicContent(blocks: Json[]): WireContentBlock[] {
  return blocks.map((block) => {
    if (block.type === "tool_use") return { toolUse: { toolUseId: String(block.id), name: String(block.name), input: block.input } };
    if (block.type === "thinking") return { reasoningContent: { reasoningText: { text: String(block.thinking), signature: String(block.signature) } } };
    return { text: String(block.text) };
  });
}

function anthropicUsage(recordedUsage: Json, outputTokens: number): WireUsage {
  const cache: Partial<WireUsage> = {};
  if (recordedUsage.cache_creation_input_tokens !== undefined) cache.cacheWriteInputTokens = Number(recordedUsage.cache_creation_input_tokens);
  if (recordedUsage.cache_read_input_tokens !== undefined) cache.cacheReadInputTokens = Number(recordedUsage.cache_read_input_tokens);
  // The per-TTL split of cache writes is the Converse `cacheDetails` of the same turn.
  const byTtl = recordedUsage.cache_creation as Json | undefined;
  const details = [
    { ttl: "1h", inputTokens: Number(byTtl?.ephemeral_1h_input_tokens ?? 0) },
    { ttl: "5m", inputTokens: Number(byTtl?.ephemeral_5m_input_tokens ?? 0) },
  ].filter((detail) => detail.inputTokens > 0);
  if (details.length > 0) cache.cacheDetails = details;
  return usage(Number(recordedUsage.input_tokens), outputTokens, cache);
}

function anthropicReasoningTokens(recordedUsage: Json): Partial<ModelTurn> {
  const details = recordedUsage.output_tokens_details as Json | undefined;
  return details?.thinking_tokens === undefined ? {} : { reasoningTokens: Number(details.thinking_tokens) };
}

function anthropicStreamTurn(chunks: Json[]): ModelTurn {
  const texts: string[] = [];
  for (const chunk of chunks) {
    const delta = chunk.delta as Json | undefined;
    if (chunk.type === "content_block_start") texts[Number(chunk.index)] = "";
    if (chunk.type === "content_block_delta" && delta?.type === "text_delta") texts[Number(chunk.index)] += String(delta.text);
  }
  const start = (chunks[0]?.message as Json).usage as Json;
  const end = chunks.find((chunk) => chunk.type === "message_delta") as Json;
  return {
    content: texts.map((text) => ({ text })),
    stopReason: stop((end.delta as Json).stop_reason),
    usage: anthropicUsage(start, Number((end.usage as Json).output_tokens)),
  };
}

function novaStreamTurn(chunks: Json[]): ModelTurn {
  const texts: string[] = [];
  for (const chunk of chunks) {
    const delta = chunk.contentBlockDelta as { delta: { text?: string }; contentBlockIndex: number } | undefined;
    if (delta) texts[delta.contentBlockIndex] = (texts[delta.contentBlockIndex] ?? "") + (delta.delta.text ?? "");
  }
  const metadata = chunks.find((chunk) => chunk.metadata)?.metadata as { usage: Json };
  const stopChunk = chunks.find((chunk) => chunk.messageStop)?.messageStop as Json;
  return {
    content: texts.map((text) => ({ text })),
    stopReason: stop(stopChunk.stopReason),
    usage: usage(Number(metadata.usage.inputTokens), Number(metadata.usage.outputTokens)),
  };
}

function joined(chunks: Json[], key: string, filter: (chunk: Json) => boolean = () => true): string {
  return chunks.filter(filter).map((chunk) => String(chunk[key] ?? "")).join("");
}

function streamTurn(family: string, chunks: Json[]): ModelTurn {
  const last = chunks.at(-1) ?? {};
  switch (family) {
    case "anthropic-claude":
      return anthropicStreamTurn(chunks);
    case "amazon-nova":
      return novaStreamTurn(chunks);
    case "anthropic-claude-text-completion":
      return { content: [{ text: joined(chunks, "completion") }], stopReason: stop(last.stop_reason === "stop_sequence" ? "end_turn" : last.stop_reason), usage: metricsUsage(chunks) };
    case "amazon-titan-text":
      return {
        content: [{ text: joined(chunks, "outputText") }],
        stopReason: stop(last.completionReason),
        usage: usage(Number(chunks[0]?.inputTextTokenCount ?? 0), Number(last.totalOutputTextTokenCount ?? 0)),
      };
    case "meta-llama":
      return { content: [{ text: joined(chunks, "generation") }], stopReason: stop(last.stop_reason), usage: usage(Number(chunks[0]?.prompt_token_count), Number(last.generation_token_count)) };
    case "cohere-command-legacy":
      return { content: [{ text: joined(chunks, "text", (chunk) => chunk.index === undefined || chunk.index === 0) }], stopReason: stop(last.finish_reason), usage: metricsUsage(chunks) };
    default:
      throw new Error(`no stream reader for family ${family}`);
  }
}

function responseTurn(family: string, body: Json, recorded: RecordedInvocation): ModelTurn {
  switch (family) {
    case "anthropic-claude": {
      const recordedUsage = body.usage as Json;
      return {
        content: anthropicContent(body.content as Json[]),
        stopReason: stop(body.stop_reason),
        usage: anthropicUsage(recordedUsage, Number(recordedUsage.output_tokens)),
        ...anthropicReasoningTokens(recordedUsage),
      };
    }
    case "anthropic-claude-text-completion":
      return { content: [{ text: String(body.completion) }], stopReason: body.stop_reason === "max_tokens" ? "max_tokens" : "end_turn", usage: headerUsage(recorded) };
    case "amazon-titan-text": {
      const result = (body.results as Json[])[0] as Json;
      return { content: [{ text: String(result.outputText) }], stopReason: stop(result.completionReason), usage: usage(Number(body.inputTextTokenCount), Number(result.tokenCount)) };
    }
    case "meta-llama":
      return { content: [{ text: String(body.generation) }], stopReason: stop(body.stop_reason), usage: usage(Number(body.prompt_token_count), Number(body.generation_token_count)) };
    case "cohere-command-legacy": {
      const generation = (body.generations as Json[])[0] as Json;
      return { content: [{ text: String(generation.text) }], stopReason: stop(generation.finish_reason), usage: headerUsage(recorded) };
    }
    case "ai21-jurassic": {
      const completion = (body.completions as Json[])[0] as { data: { text: string }; finishReason: { reason: string } };
      return { content: [{ text: completion.data.text }], stopReason: stop(completion.finishReason.reason), usage: headerUsage(recorded) };
    }
    case "amazon-nova": {
      const message = (body.output as { message: { content: Json[] } }).message;
      const recordedUsage = body.usage as Json;
      return {
        content: message.content.map((block) => ({ text: String(block.text) })),
        stopReason: stop(body.stopReason),
        usage: usage(Number(recordedUsage.inputTokens), Number(recordedUsage.outputTokens ?? 0)),
      };
    }
    default:
      throw new Error(`no response reader for family ${family}`);
  }
}

function carriesText(chunk: Json): boolean {
  const delta = (chunk.delta ?? (chunk.contentBlockDelta as Json | undefined)?.delta) as Json | undefined;
  return [chunk.outputText, chunk.generation, chunk.completion, chunk.text, delta?.text].some((value) => typeof value === "string" && value !== "");
}

/**
 * The turn and render context that reproduce a recording: text, stop reason and usage read back
 * from the recorded native answer, the recorded invocation metrics, the recorded request body,
 * and a chunk size that splits the text into about as many pieces as the recording did.
 *
 * @example
 * const { turn, context } = recordedTurn("meta-llama", recorded);
 */
export function recordedTurn(family: string, recorded: RecordedInvocation): { turn: ModelTurn; context: RenderContext } {
  const chunks = (recorded.chunks ?? []) as Json[];
  const turn = recorded.stream ? streamTurn(family, chunks) : responseTurn(family, recorded.responseBody as Json, recorded);
  const textLength = turn.content.reduce((total, block) => total + (block.text?.length ?? 0), 0);
  const textChunks = Math.max(1, chunks.filter(carriesText).length);
  const context: RenderContext = {
    modelId: recorded.modelId,
    requestId: recorded.headers["x-amzn-requestid"] ?? "00000000-0000-0000-0000-000000000000",
    chunkSize: recorded.stream ? Math.max(1, Math.ceil(textLength / textChunks)) : 16,
    invocationMetrics: (chunks.at(-1)?.["amazon-bedrock-invocationMetrics"] ?? {}) as Record<string, number>,
    nativeBody: recorded.requestBody,
  };
  return { turn, context };
}
