import { describe, expect, it } from "vitest";
import { BedrockError } from "@sluice/core";
import { decodeChunks } from "../../../tests/assemble-stream.js";
import { ConverseStreamWriter } from "../../shared/converse-stream-writer.js";
import { createClaudeStreamDecoder } from "./anthropic-claude-stream.js";

// Chunk shapes from the reference (§6.1): thinking, tool use and redacted thinking streams.
const chunks = [
  { type: "message_start", message: { id: "msg_1", type: "message", role: "assistant", content: [], usage: { input_tokens: 12, output_tokens: 1 } } },
  { type: "content_block_start", index: 0, content_block: { type: "thinking", thinking: "", signature: "" } },
  { type: "content_block_delta", index: 0, delta: { type: "thinking_delta", thinking: "Need the " } },
  { type: "content_block_delta", index: 0, delta: { type: "thinking_delta", thinking: "weather." } },
  { type: "content_block_delta", index: 0, delta: { type: "signature_delta", signature: "EqQB" } },
  { type: "content_block_stop", index: 0 },
  { type: "content_block_start", index: 1, content_block: { type: "redacted_thinking", data: "AQI=" } },
  { type: "content_block_stop", index: 1 },
  { type: "content_block_start", index: 2, content_block: { type: "text", text: "" } },
  { type: "content_block_delta", index: 2, delta: { type: "text_delta", text: "Checking." } },
  { type: "content_block_stop", index: 2 },
  { type: "content_block_start", index: 3, content_block: { type: "tool_use", id: "toolu_bdrk_1", name: "get_weather", input: {} } },
  { type: "content_block_delta", index: 3, delta: { type: "input_json_delta", partial_json: "" } },
  { type: "content_block_delta", index: 3, delta: { type: "input_json_delta", partial_json: '{"city": ' } },
  { type: "content_block_delta", index: 3, delta: { type: "input_json_delta", partial_json: '"Paris"}' } },
  { type: "content_block_stop", index: 3 },
  { type: "message_delta", delta: { stop_reason: "tool_use", stop_sequence: null }, usage: { output_tokens: 40 } },
  { type: "message_stop" },
];

describe("createClaudeStreamDecoder", () => {
  it("turns thinking, redacted thinking, text and tool use into ConverseStream events", () => {
    const { events, response } = decodeChunks(createClaudeStreamDecoder, chunks);
    expect(events.filter((event) => event.contentBlockStart)).toEqual([
      { contentBlockStart: { contentBlockIndex: 3, start: { toolUse: { toolUseId: "toolu_bdrk_1", name: "get_weather" } } } },
    ]);
    expect(response.output?.message?.content).toEqual([
      { reasoningContent: { reasoningText: { text: "Need the weather.", signature: "EqQB" } } },
      { reasoningContent: { redactedContent: new Uint8Array([1, 2]) } },
      { text: "Checking." },
      { toolUse: { toolUseId: "toolu_bdrk_1", name: "get_weather", input: { city: "Paris" } } },
    ]);
    expect(response.stopReason).toBe("tool_use");
    expect(response.usage).toEqual({ inputTokens: 12, outputTokens: 40, totalTokens: 52 });
  });

  it("throws an in-stream error event as a BedrockError", () => {
    const decoder = createClaudeStreamDecoder(new ConverseStreamWriter());
    let caught: unknown;
    try {
      decoder.push({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } });
    } catch (error) {
      caught = error;
    }
    expect(BedrockError.isInstance(caught)).toBe(true);
    expect((caught as BedrockError).inStream).toBe(true);
    expect((caught as Error).message).toContain("Overloaded");
  });
});
