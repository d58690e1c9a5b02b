import { describe, expect, it } from "vitest";
import { ConverseStreamWriter } from "./converse-stream-writer.js";

const kinds = (writer: ConverseStreamWriter) => writer.drain().map((event) => Object.keys(event)[0]);

describe("ConverseStreamWriter", () => {
  it("opens with messageStart, gives blocks their own indices and closes every block", () => {
    const writer = new ConverseStreamWriter();
    writer.reasoningText("think");
    writer.reasoningSignature("sig");
    writer.text("Hel");
    writer.text("lo");
    writer.toolUse("t1", "now");
    writer.toolInput('{"a":');
    writer.toolInput("1}");
    writer.finish({ inputTokens: 3, outputTokens: 4 }, 12);
    const events = writer.drain();
    expect(events[0]).toEqual({ messageStart: { role: "assistant" } });
    const indices = events.flatMap((event) => {
      const index = event.contentBlockDelta?.contentBlockIndex ?? event.contentBlockStart?.contentBlockIndex ?? event.contentBlockStop?.contentBlockIndex;
      return index === undefined ? [] : [index];
    });
    expect(indices).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 2]);
    expect(events.at(-2)).toEqual({ messageStop: { stopReason: "tool_use" } });
    expect(events.at(-1)).toEqual({ metadata: { usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7 }, metrics: { latencyMs: 12 } } });
  });

  it("merges consecutive text into one block and ignores empty text", () => {
    const writer = new ConverseStreamWriter();
    writer.text("a");
    writer.text("");
    writer.text("b");
    expect(kinds(writer)).toEqual(["messageStart", "contentBlockDelta", "contentBlockDelta"]);
    writer.endBlock();
    writer.text("c");
    expect(writer.drain()).toEqual([{ contentBlockStop: { contentBlockIndex: 0 } }, { contentBlockDelta: { contentBlockIndex: 1, delta: { text: "c" } } }]);
  });

  it("lets invocation metrics override counts read from the body, and an explicit stop reason win", () => {
    const writer = new ConverseStreamWriter();
    writer.usage({ inputTokens: 1, outputTokens: 2 });
    writer.stop("max_tokens");
    writer.finish({ outputTokens: 9 });
    writer.finish();
    const events = writer.drain();
    expect(events.filter((event) => event.metadata)).toHaveLength(1);
    expect(events.at(-2)).toEqual({ messageStop: { stopReason: "max_tokens" } });
    expect(events.at(-1)?.metadata?.usage).toEqual({ inputTokens: 1, outputTokens: 9, totalTokens: 10 });
  });

  it("refuses tool input with no tool block open", () => {
    expect(() => new ConverseStreamWriter().toolInput("{}")).toThrow(/toolUse\(\) first/);
  });
});
