import { describe, expect, it } from "vitest";
import type { ModelRequest } from "@sluice/core";
import { UnsupportedFeatureError } from "../../errors/unsupported-feature-error.js";
import { decodeChunks } from "../../../tests/assemble-stream.js";
import { ai21JambaAdapter } from "./ai21-jamba-adapter.js";

const request: ModelRequest = {
  modelId: "ai21.jamba-1-5-mini-v1:0",
  system: [{ text: "Be brief." }],
  messages: [{ role: "user", content: [{ text: "Hi" }] }],
  inferenceConfig: { maxTokens: 100, stopSequences: ["##"] },
};
const context = { modelId: request.modelId, baseModelId: request.modelId, streaming: false, request };

describe("AI21 Jamba adapter (reference §6.7 shapes)", () => {
  it("writes OpenAI-like messages and settings", () => {
    expect(ai21JambaAdapter.buildRequest(request, context)).toEqual({
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Hi" },
      ],
      max_tokens: 100,
      stop: ["##"],
    });
    const forced = { ...request, toolConfig: { tools: [{ toolSpec: { name: "t", inputSchema: { json: {} } } }], toolChoice: { any: {} } } };
    expect(() => ai21JambaAdapter.buildRequest(forced, { ...context, request: forced })).toThrow(UnsupportedFeatureError);
  });

  it("reads a chat completion with usage", () => {
    const turn = ai21JambaAdapter.parseResponse(
      {
        id: "chatcmpl-1",
        choices: [{ index: 0, message: { role: "assistant", content: "Hello!" }, finish_reason: "length" }],
        usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 },
        meta: { requestDurationMillis: 120 },
      },
      context,
    );
    expect(turn).toEqual({ content: [{ text: "Hello!" }], stopReason: "max_tokens", usage: { inputTokens: 9, outputTokens: 2 } });
  });

  it("streams the recorded chunk shape with both finish_reason and stop_reason", () => {
    const { response } = decodeChunks((writer) => ai21JambaAdapter.createStreamDecoder(writer, context), [
      { id: "chat-1", choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] },
      { id: "chat-1", choices: [{ index: 0, delta: { content: "Hi?" }, finish_reason: "stop", stop_reason: "<|eom|>" }], usage: { prompt_tokens: 5, completion_tokens: 2 } },
    ]);
    expect(response.output?.message?.content).toEqual([{ text: "Hi?" }]);
    expect(response.stopReason).toBe("end_turn");
    expect(response.usage).toEqual({ inputTokens: 5, outputTokens: 2, totalTokens: 7 });
  });
});
