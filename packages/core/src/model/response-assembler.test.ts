import type { ConverseStreamOutput } from "@aws-sdk/client-bedrock-runtime";
import { describe, expect, it } from "vitest";
import { ResponseAssembler } from "./response-assembler.js";
import { responseToEvents } from "./response-events.js";

function assemble(events: ConverseStreamOutput[]) {
  const assembler = new ResponseAssembler();
  for (const event of events) assembler.add(event);
  return assembler.finish();
}

describe("ResponseAssembler", () => {
  it("keeps the inputs of two tools streamed in one message apart, even interleaved", () => {
    const response = assemble([
      { messageStart: { role: "assistant" } },
      { contentBlockStart: { contentBlockIndex: 1, start: { toolUse: { toolUseId: "a", name: "first" } } } },
      { contentBlockStart: { contentBlockIndex: 2, start: { toolUse: { toolUseId: "b", name: "second" } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '{"city":' } } } },
      { contentBlockDelta: { contentBlockIndex: 2, delta: { toolUse: { input: '{"n":' } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '"Paris"}' } } } },
      { contentBlockDelta: { contentBlockIndex: 2, delta: { toolUse: { input: "2}" } } } },
      { messageStop: { stopReason: "tool_use" } },
    ]);
    expect(response.output?.message?.content).toEqual([
      { toolUse: { toolUseId: "a", name: "first", input: { city: "Paris" } } },
      { toolUse: { toolUseId: "b", name: "second", input: { n: 2 } } },
    ]);
    expect(response.stopReason).toBe("tool_use");
  });

  it("gives a tool with no streamed input an empty object", () => {
    const response = assemble([
      { contentBlockStart: { contentBlockIndex: 0, start: { toolUse: { toolUseId: "t", name: "now" } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { toolUse: { input: "" } } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
    ]);
    expect(response.output?.message?.content?.[0]?.toolUse?.input).toEqual({});
  });

  it("drops blank text blocks, which Bedrock refuses when they are sent back", () => {
    const response = assemble([
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "" } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { text: "Answer" } } },
    ]);
    expect(response.output?.message?.content).toEqual([{ text: "Answer" }]);
  });

  it("keeps reasoning text with its signature, and redacted reasoning bytes", () => {
    const redacted = new Uint8Array([1, 2, 3]);
    const response = assemble([
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { text: "Think " } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { text: "more" } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { signature: "sig==" } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { reasoningContent: { redactedContent: redacted } } } },
      { contentBlockDelta: { contentBlockIndex: 2, delta: { text: "Done" } } },
    ]);
    expect(response.output?.message?.content).toEqual([
      { reasoningContent: { reasoningText: { text: "Think more", signature: "sig==" } } },
      { reasoningContent: { redactedContent: redacted } },
      { text: "Done" },
    ]);
  });

  it("round-trips a response through its event sequence", () => {
    const original = {
      output: {
        message: {
          role: "assistant" as const,
          content: [
            { reasoningContent: { reasoningText: { text: "hmm", signature: "s" } } },
            { text: "Let me check." },
            { toolUse: { toolUseId: "x1", name: "lookup", input: { q: "a" } } },
          ],
        },
      },
      stopReason: "tool_use" as const,
      usage: { inputTokens: 5, outputTokens: 6, totalTokens: 11 },
      metrics: { latencyMs: 3 },
    };
    expect(assemble([...responseToEvents(original)])).toEqual(original);
  });
});
