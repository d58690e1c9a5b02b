import { describe, expect, it } from "vitest";
import { errorMessage, testContext, testTurn } from "../../tests/families/family-test-support.js";
import { mistralFamily as mistral } from "./mistral.js";

describe("mistral text completion", () => {
  const nativeBody = { prompt: "<s>[INST] What is your favourite condiment? [/INST]", max_tokens: 200, stop: ["</s>"], top_k: 50 };

  it("reads the [INST] prompt and sampling keys", () => {
    expect(mistral.parseRequest(nativeBody)).toEqual({
      messages: [{ role: "user", content: [{ text: "What is your favourite condiment?" }] }],
      inferenceConfig: { maxTokens: 200, stopSequences: ["</s>"] },
      additionalModelRequestFields: { top_k: 50 },
    });
  });

  it("answers with outputs[] and streams outputs chunks", () => {
    const context = testContext("mistral.mistral-7b-instruct-v0:2", { nativeBody, chunkSize: 3 });
    expect(mistral.renderResponse(testTurn([{ text: "Lemon" }], { stopReason: "max_tokens" }), context)).toEqual({ outputs: [{ text: "Lemon", stop_reason: "length" }] });
    const chunks = mistral.renderStream(testTurn([{ text: "Lemon" }]), context);
    expect(chunks).toEqual([
      { outputs: [{ text: "Lem", stop_reason: null }] },
      { outputs: [{ text: "on", stop_reason: "stop" }], "amazon-bedrock-invocationMetrics": context.invocationMetrics },
    ]);
  });

  it("refuses chat keys mixed into a prompt body", () => {
    expect(errorMessage(() => mistral.parseRequest({ prompt: "x", tools: [] }))).toContain("#: extraneous key [tools] is not permitted");
  });
});

describe("mistral chat completion", () => {
  const nativeBody = {
    messages: [{ role: "user", content: "Weather in Paris?" }],
    tools: [{ type: "function", function: { name: "get_weather", description: "Weather", parameters: { type: "object", properties: { city: { type: "string" } } } } }],
    tool_choice: "any",
    max_tokens: 100,
  };

  it("reads messages and tools", () => {
    const request = mistral.parseRequest(nativeBody);
    expect(request.messages).toEqual([{ role: "user", content: [{ text: "Weather in Paris?" }] }]);
    expect(request.toolConfig?.toolChoice).toEqual({ any: {} });
    expect(request.inferenceConfig).toEqual({ maxTokens: 100 });
  });

  it("answers with choices[] carrying tool_calls and stop_reason", () => {
    const turn = testTurn([{ toolUse: { toolUseId: "abc123xyz", name: "get_weather", input: { city: "Paris" } } }], { stopReason: "tool_use" });
    expect(mistral.renderResponse(turn, testContext("mistral.mistral-large-2407-v1:0", { nativeBody }))).toEqual({
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: "", tool_calls: [{ id: "abc123xyz", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] },
          stop_reason: "tool_calls",
        },
      ],
    });
  });

  it("streams message pieces with the tool calls in the closing chunk", () => {
    const turn = testTurn([{ text: "Checking" }, { toolUse: { toolUseId: "abc", name: "get_weather", input: {} } }], { stopReason: "tool_use" });
    const chunks = mistral.renderStream(turn, testContext("mistral.mistral-large-2407-v1:0", { nativeBody, chunkSize: 100 })) as Array<{ choices: Array<Record<string, unknown>> }>;
    expect(chunks).toHaveLength(2);
    expect(chunks[0]?.choices[0]).toEqual({ index: 0, message: { role: "assistant", content: "Checking" }, stop_reason: null });
    expect(chunks[1]?.choices[0]).toMatchObject({ message: { content: "", tool_calls: [{ id: "abc" }] }, stop_reason: "tool_calls" });
  });

  it("falls back to the model's dialect when the request body is not known", () => {
    expect(mistral.renderResponse(testTurn(), testContext("mistral.mixtral-8x7b-instruct-v0:1"))).toHaveProperty("outputs");
    expect(mistral.renderResponse(testTurn(), testContext("us.mistral.pixtral-large-2502-v1:0"))).toHaveProperty("choices");
  });
});
