import { describe, expect, it } from "vitest";
import type { ModelRequest } from "@sluice/core";
import { decodeChunks } from "../../../tests/assemble-stream.js";
import { deepSeekContent, deepSeekPrompt, deepseekAdapter } from "./deepseek-adapter.js";

const request: ModelRequest = { modelId: "us.deepseek.r1-v1:0", messages: [{ role: "user", content: [{ text: "2+2?" }] }] };
const context = { modelId: request.modelId, baseModelId: "deepseek.r1-v1:0", streaming: true, request };

function streamText(chunks: string[]) {
  const native = chunks.map((text, index) => ({ choices: [{ text, stop_reason: index === chunks.length - 1 ? "stop" : null }] }));
  return decodeChunks((writer) => deepseekAdapter.createStreamDecoder(writer, context), native).response.output?.message?.content;
}

describe("DeepSeek R1 adapter (reference §6.8 shapes)", () => {
  it("writes the chat template with system prompt and history", () => {
    expect(
      deepSeekPrompt({
        modelId: "m",
        system: [{ text: "Be exact." }],
        messages: [
          { role: "user", content: [{ text: "Hi" }] },
          { role: "assistant", content: [{ text: "Hello." }] },
          { role: "user", content: [{ text: "2+2?" }] },
        ],
      }),
    ).toBe("<｜begin▁of▁sentence｜>Be exact.<｜User｜>Hi<｜Assistant｜>Hello.<｜end▁of▁sentence｜><｜User｜>2+2?<｜Assistant｜>");
  });

  it("reads reasoning and answer, with or without the think tags", () => {
    const reasoning = { reasoningContent: { reasoningText: { text: "Add." } } };
    expect(deepSeekContent("<think>\nAdd.\n</think>\n\n4")).toEqual([reasoning, { text: "4" }]);
    expect(deepSeekContent("Add.</think>4")).toEqual([reasoning, { text: "4" }]);
    expect(deepSeekContent("<think>Add. And then")).toEqual([{ reasoningContent: { reasoningText: { text: "Add. And then" } } }]);
    expect(deepSeekContent("4")).toEqual([{ text: "4" }]);
    expect(deepseekAdapter.parseResponse({ choices: [{ text: "<think>Add.</think>4", stop_reason: "length" }] }, context).stopReason).toBe("max_tokens");
  });

  it("streams <think> cut across chunks as reasoning, then the answer", () => {
    expect(streamText(["<th", "ink>\nAd", "d.\n</th", "ink>\n\n", "4"])).toEqual([{ reasoningContent: { reasoningText: { text: "Add.\n" } } }, { text: "4" }]);
    expect(streamText(["4", " exactly"])).toEqual([{ text: "4 exactly" }]);
  });
});
