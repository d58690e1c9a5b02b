import { describe, expect, it } from "vitest";
import type { ModelRequest } from "@sluice/core";
import { decodeChunks } from "../../../tests/assemble-stream.js";
import { openaiGptOssAdapter } from "./openai-gpt-oss-adapter.js";

const context = (request: ModelRequest) => ({ modelId: request.modelId, baseModelId: request.modelId, streaming: false, request });

describe("OpenAI gpt-oss adapter (reference §6.9 shapes)", () => {
  it("writes a Chat Completions body without model or stream", () => {
    const request: ModelRequest = {
      modelId: "openai.gpt-oss-20b-1:0",
      system: [{ text: "Be brief." }],
      messages: [{ role: "user", content: [{ text: "Time?" }] }],
      toolConfig: { tools: [{ toolSpec: { name: "now", inputSchema: { json: { type: "object" } } } }], toolChoice: { any: {} } },
      inferenceConfig: { maxTokens: 64 },
      additionalModelRequestFields: { reasoning_effort: "low" },
    };
    expect(openaiGptOssAdapter.buildRequest(request, context(request))).toEqual({
      messages: [
        { role: "developer", content: "Be brief." },
        { role: "user", content: "Time?" },
      ],
      tools: [{ type: "function", function: { name: "now", parameters: { type: "object" } } }],
      tool_choice: "required",
      max_completion_tokens: 64,
      reasoning_effort: "low",
    });
  });

  it("splits the inlined <reasoning> from the answer and reads tool calls", () => {
    const request: ModelRequest = { modelId: "openai.gpt-oss-20b-1:0", messages: [] };
    const turn = openaiGptOssAdapter.parseResponse(
      {
        id: "chatcmpl-1",
        object: "chat.completion",
        choices: [
          {
            index: 0,
            message: { role: "assistant", content: "<reasoning>Need the time.</reasoning>", tool_calls: [{ id: "call_1", type: "function", function: { name: "now", arguments: "{}" } }] },
            finish_reason: "tool_calls",
          },
        ],
        usage: { prompt_tokens: 20, completion_tokens: 9, total_tokens: 29 },
      },
      context(request),
    );
    expect(turn).toEqual({
      content: [{ reasoningContent: { reasoningText: { text: "Need the time." } } }, { toolUse: { toolUseId: "call_1", name: "now", input: {} } }],
      stopReason: "tool_use",
      usage: { inputTokens: 20, outputTokens: 9 },
    });
  });

  it("streams reasoning split across chunks and incremental tool-call arguments", () => {
    const request: ModelRequest = { modelId: "openai.gpt-oss-20b-1:0", messages: [] };
    const delta = (value: Record<string, unknown>, finish: string | null = null) => ({ object: "chat.completion.chunk", choices: [{ index: 0, delta: value, finish_reason: finish }] });
    const { response } = decodeChunks((writer) => openaiGptOssAdapter.createStreamDecoder(writer, context(request)), [
      delta({ role: "assistant", content: "" }),
      delta({ content: "<reaso" }),
      delta({ content: "ning>Think" }),
      delta({ content: "ing.</reas" }),
      delta({ content: "oning>Answer." }),
      delta({ tool_calls: [{ index: 0, id: "call_9", type: "function", function: { name: "now", arguments: '{"tz":' } }] }),
      delta({ tool_calls: [{ index: 0, function: { arguments: '"UTC"}' } }] }),
      delta({}, "tool_calls"),
    ]);
    expect(response.output?.message?.content).toEqual([
      { reasoningContent: { reasoningText: { text: "Thinking." } } },
      { text: "Answer." },
      { toolUse: { toolUseId: "call_9", name: "now", input: { tz: "UTC" } } },
    ]);
    expect(response.stopReason).toBe("tool_use");
  });
});
