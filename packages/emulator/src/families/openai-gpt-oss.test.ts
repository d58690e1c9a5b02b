import { describe, expect, it } from "vitest";
import { errorMessage, testContext, testTurn } from "../../tests/families/family-test-support.js";
import { openAiGptOssFamily as gptOss } from "./openai-gpt-oss.js";

const MODEL = "openai.gpt-oss-120b-1:0";

describe("openai-gpt-oss", () => {
  it("reads a chat-completions body with tools and reasoning effort", () => {
    const request = gptOss.parseRequest({
      messages: [{ role: "developer", content: "Use tools." }, { role: "user", content: "Weather?" }],
      max_completion_tokens: 300,
      tools: [{ type: "function", function: { name: "get_weather", parameters: { type: "object" } } }],
      tool_choice: "auto",
      reasoning_effort: "low",
    });
    expect(request.system).toEqual([{ text: "Use tools." }]);
    expect(request.inferenceConfig).toEqual({ maxTokens: 300 });
    expect(request.toolConfig?.toolChoice).toEqual({ auto: {} });
    expect(request.additionalModelRequestFields).toEqual({ reasoning_effort: "low" });
  });

  it("refuses unknown keys and bad reasoning efforts", () => {
    expect(errorMessage(() => gptOss.parseRequest({ messages: [{ role: "user", content: "x" }], reasoning_effort: "max" }))).toContain(
      "#/reasoning_effort: max is not a valid enum value",
    );
    expect(errorMessage(() => gptOss.parseRequest({ messages: [{ role: "user", content: "x" }], functions: [] }))).toContain("#: extraneous key [functions]");
  });

  it("answers a chat.completion with reasoning inlined and tool calls", () => {
    const turn = testTurn(
      [{ reasoningContent: { reasoningText: { text: "Need weather." } } }, { toolUse: { toolUseId: "call_1", name: "get_weather", input: { city: "Oslo" } } }],
      { stopReason: "tool_use" },
    );
    const body = gptOss.renderResponse(turn, testContext(MODEL)) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(["id", "object", "created", "model", "choices", "usage"]);
    expect(body).toMatchObject({ object: "chat.completion", model: MODEL });
    expect(body.choices).toEqual([
      {
        index: 0,
        message: { role: "assistant", content: "<reasoning>Need weather.</reasoning>", tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Oslo"}' } }] },
        finish_reason: "tool_calls",
      },
    ]);
  });

  it("streams chat.completion.chunk objects ending with finish_reason, usage and metrics", () => {
    const context = testContext(MODEL, { chunkSize: 100 });
    const chunks = gptOss.renderStream(testTurn([{ text: "Hi" }]), context) as Array<Record<string, unknown>>;
    expect(chunks.every((chunk) => chunk.object === "chat.completion.chunk")).toBe(true);
    expect(chunks.map((chunk) => (chunk.choices as Array<{ delta: unknown }>)[0]?.delta)).toEqual([{ role: "assistant", content: "" }, { content: "Hi" }, {}]);
    expect(chunks.at(-1)).toMatchObject({ choices: [{ finish_reason: "stop" }], usage: { prompt_tokens: 11 }, "amazon-bedrock-invocationMetrics": context.invocationMetrics });
  });
});
