import type { NativeBody, NativeStreamDecoder } from "../../adapter.js";
import type { ConverseStreamWriter } from "../../shared/converse-stream-writer.js";
import { fromBase64 } from "../../shared/converse-content.js";
import { asRecord, asString } from "../../shared/native-values.js";
import { novaStopReason, novaUsage } from "./amazon-nova-response.js";

/**
 * Nova's native stream chunks (`{messageStart}`, `{contentBlockDelta}`, `{contentBlockStop}`,
 * `{messageStop}`, `{metadata}` — ConverseStream's events wrapped by name) → ConverseStream
 * events. Text blocks are left open at their native stop so that consecutive text blocks
 * merge: with a guardrail, Nova sends every token as its own block.
 *
 * @example
 * const decoder = createNovaStreamDecoder(writer);
 * decoder.push({ contentBlockDelta: { delta: { text: "On" }, contentBlockIndex: 0 } });
 */
export function createNovaStreamDecoder(writer: ConverseStreamWriter): NativeStreamDecoder {
  return {
    push(chunk: NativeBody): void {
      if (chunk.messageStart) {
        writer.start();
        return;
      }
      const start = asRecord(asRecord(chunk.contentBlockStart)?.start);
      const toolStart = asRecord(start?.toolUse);
      if (toolStart) {
        writer.toolUse(asString(toolStart.toolUseId) ?? "", asString(toolStart.name) ?? "");
        return;
      }
      const delta = asRecord(asRecord(chunk.contentBlockDelta)?.delta);
      if (delta) {
        if (typeof delta.text === "string") writer.text(delta.text);
        const toolInput = asRecord(delta.toolUse);
        if (toolInput) writer.toolInput(asString(toolInput.input) ?? "");
        const reasoning = asRecord(delta.reasoningContent);
        if (reasoning) {
          if (typeof reasoning.text === "string") writer.reasoningText(reasoning.text);
          if (typeof reasoning.signature === "string") writer.reasoningSignature(reasoning.signature);
          if (typeof reasoning.redactedContent === "string") writer.redactedReasoning(fromBase64(reasoning.redactedContent));
        }
        return;
      }
      if (chunk.contentBlockStop) {
        if (writer.openBlockKind !== "text") writer.endBlock();
        return;
      }
      const stop = asRecord(chunk.messageStop);
      if (stop) {
        writer.stop(novaStopReason(stop.stopReason, writer.toolUseCount > 0 ? "tool_use" : "end_turn"));
        return;
      }
      const usage = novaUsage(asRecord(chunk.metadata)?.usage);
      if (usage) writer.usage(usage);
    },
    end(): void {},
  };
}
