import { BedrockError } from "@sluice/core";
import type { NativeBody, NativeStreamDecoder } from "../../adapter.js";
import type { ConverseStreamWriter } from "../../shared/converse-stream-writer.js";
import { fromBase64 } from "../../shared/converse-content.js";
import { asRecord, asString } from "../../shared/native-values.js";
import { mapStopReason } from "../../shared/stop-reason.js";
import { CLAUDE_STOP_REASONS, claudeUsage } from "./anthropic-claude-response.js";

/**
 * Anthropic stream events (`message_start`, `content_block_start/delta/stop`,
 * `message_delta`, `message_stop`) → ConverseStream events. Text, tool input JSON, thinking
 * text and signatures stream as deltas; redacted thinking arrives whole in its block start.
 * An in-stream `error` event becomes a `BedrockError` marked `inStream`.
 *
 * @example
 * const decoder = createClaudeStreamDecoder(writer);
 * decoder.push({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Hi" } });
 */
export function createClaudeStreamDecoder(writer: ConverseStreamWriter): NativeStreamDecoder {
  return {
    push(chunk: NativeBody): void {
      switch (chunk.type) {
        case "message_start": {
          writer.start();
          const usage = claudeUsage(asRecord(chunk.message)?.usage);
          if (usage) writer.usage(usage);
          return;
        }
        case "content_block_start": {
          writer.endBlock();
          const block = asRecord(chunk.content_block);
          if (block?.type === "tool_use") writer.toolUse(asString(block.id) ?? "", asString(block.name) ?? "");
          else if (block?.type === "redacted_thinking") writer.redactedReasoning(fromBase64(asString(block.data) ?? ""));
          else if (block?.type === "text") writer.text(asString(block.text) ?? "");
          return;
        }
        case "content_block_delta": {
          const delta = asRecord(chunk.delta);
          if (delta?.type === "text_delta") writer.text(asString(delta.text) ?? "");
          else if (delta?.type === "input_json_delta") writer.toolInput(asString(delta.partial_json) ?? "");
          else if (delta?.type === "thinking_delta") writer.reasoningText(asString(delta.thinking) ?? "");
          else if (delta?.type === "signature_delta") writer.reasoningSignature(asString(delta.signature) ?? "");
          return;
        }
        case "content_block_stop":
          writer.endBlock();
          return;
        case "message_delta": {
          const delta = asRecord(chunk.delta);
          if (delta?.stop_reason !== undefined && delta.stop_reason !== null) {
            writer.stop(mapStopReason(CLAUDE_STOP_REASONS, delta.stop_reason, "end_turn"));
          }
          const usage = claudeUsage(chunk.usage);
          if (usage) writer.usage(usage);
          return;
        }
        case "error": {
          const error = asRecord(chunk.error);
          throw new BedrockError("ModelStreamErrorException", asString(error?.message) ?? "The model stream reported an error.", {
            inStream: true,
          });
        }
        default:
          // message_stop and ping carry nothing a Converse stream needs.
          return;
      }
    },
    end(): void {},
  };
}
