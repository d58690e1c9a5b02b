import type { ModelTurn, RenderContext } from "./model-family.js";
import {
  type AnthropicBlock,
  anthropicBlocks,
  anthropicModelName,
  anthropicStopReason,
  anthropicStopSequence,
  anthropicUsage,
} from "./anthropic-claude-response.js";
import { anthropicMessageId } from "./response-ids.js";
import { textChunks } from "./text-chunks.js";

type Chunk = Record<string, unknown>;

function blockStart(block: AnthropicBlock): Chunk {
  switch (block.type) {
    case "text":
      return { type: "text", text: "" };
    case "tool_use":
      return { type: "tool_use", id: block.id, name: block.name, input: {} };
    case "thinking":
      return { type: "thinking", thinking: "", signature: "" };
    case "redacted_thinking":
      return { type: "redacted_thinking", data: block.data };
  }
}

function blockDeltas(block: AnthropicBlock, chunkSize: number): Chunk[] {
  switch (block.type) {
    case "text":
      return textChunks(block.text, chunkSize).map((text) => ({ type: "text_delta", text }));
    case "tool_use":
      // Claude opens every tool input with an empty fragment before the JSON text.
      return [{ type: "input_json_delta", partial_json: "" }, ...textChunks(JSON.stringify(block.input), chunkSize).map((partial_json) => ({ type: "input_json_delta", partial_json }))];
    case "thinking": {
      const thinking = textChunks(block.thinking, chunkSize).map((text) => ({ type: "thinking_delta", thinking: text }));
      return block.signature === "" ? thinking : [...thinking, { type: "signature_delta", signature: block.signature }];
    }
    case "redacted_thinking":
      return [];
  }
}

/**
 * The native chunks of a streamed Claude Messages answer: `message_start`, then per block
 * `content_block_start` / `content_block_delta` (text, input JSON, thinking, signature) /
 * `content_block_stop`, then `message_delta` and `message_stop` carrying the invocation metrics.
 *
 * @example
 * renderAnthropicStream(turn, context).map((chunk) => chunk.type);
 * // ["message_start", "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop"]
 */
export function renderAnthropicStream(turn: ModelTurn, context: RenderContext): Chunk[] {
  const chunks: Chunk[] = [
    {
      type: "message_start",
      message: {
        id: anthropicMessageId(),
        type: "message",
        role: "assistant",
        model: anthropicModelName(context.modelId),
        content: [],
        stop_reason: null,
        stop_sequence: null,
        // Claude reports one output token at the start; the final count comes in message_delta.
        usage: anthropicUsage(turn, context.modelId, Math.min(1, turn.usage.outputTokens)),
      },
    },
  ];
  anthropicBlocks(turn).forEach((block, index) => {
    chunks.push({ type: "content_block_start", index, content_block: blockStart(block) });
    for (const delta of blockDeltas(block, context.chunkSize)) chunks.push({ type: "content_block_delta", index, delta });
    chunks.push({ type: "content_block_stop", index });
  });
  chunks.push({
    type: "message_delta",
    delta: { stop_reason: anthropicStopReason(turn.stopReason), stop_sequence: anthropicStopSequence(turn, context.nativeBody) },
    usage: { output_tokens: turn.usage.outputTokens },
  });
  chunks.push({ type: "message_stop", "amazon-bedrock-invocationMetrics": context.invocationMetrics });
  return chunks;
}
