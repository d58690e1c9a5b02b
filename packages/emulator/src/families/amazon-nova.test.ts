import { describe, expect, it } from "vitest";
import { errorMessage, testContext, testTurn } from "../../tests/families/family-test-support.js";
import { amazonNovaFamily as nova } from "./amazon-nova.js";

const MODEL = "us.amazon.nova-lite-v1:0";

describe("amazon-nova", () => {
  it("serves the understanding models but not Canvas, Reel or Sonic", () => {
    expect(nova.matches("amazon.nova-pro-v1:0")).toBe(true);
    expect(nova.matches("us.amazon.nova-2-lite-v1:0")).toBe(true);
    expect(nova.matches("amazon.nova-canvas-v1:0")).toBe(false);
    expect(nova.matches("amazon.nova-sonic-v1:0")).toBe(false);
  });

  it("takes both spellings of inferenceConfig keys", () => {
    const messages = [{ role: "user", content: [{ text: "Hi" }] }];
    const snake = nova.parseRequest({ schemaVersion: "messages-v1", messages, inferenceConfig: { max_new_tokens: 300, top_p: 0.9, top_k: 20, temperature: 0.7 } });
    const camel = nova.parseRequest({ messages, inferenceConfig: { maxTokens: 300, topP: 0.9, topK: 20, temperature: 0.7 } });
    expect(snake.inferenceConfig).toEqual({ maxTokens: 300, temperature: 0.7, topP: 0.9 });
    expect(camel.inferenceConfig).toEqual(snake.inferenceConfig);
    expect(snake.additionalModelRequestFields).toEqual({ inferenceConfig: { topK: 20 } });
  });

  it("passes system, media, tool config and tool history through", () => {
    const body = {
      system: [{ text: "Be brief." }],
      messages: [
        { role: "user", content: [{ text: "Describe" }, { image: { format: "jpeg", source: { bytes: "/9j/4AAQ" } } }] },
        { role: "assistant", content: [{ toolUse: { toolUseId: "t1", name: "look", input: {} } }] },
        { role: "user", content: [{ toolResult: { toolUseId: "t1", content: [{ json: { ok: true } }] } }] },
      ],
      toolConfig: { tools: [{ toolSpec: { name: "look", inputSchema: { json: { type: "object" } } } }], toolChoice: { auto: {} } },
    };
    const request = nova.parseRequest(body);
    expect(request.messages).toEqual(body.messages);
    expect(request.system).toEqual(body.system);
    expect(request.toolConfig).toEqual(body.toolConfig);
  });

  it("refuses Converse-only keys and unknown content blocks", () => {
    expect(errorMessage(() => nova.parseRequest({ messages: [{ role: "user", content: [{ text: "x" }] }], additionalModelRequestFields: {} }))).toContain(
      "#: extraneous key [additionalModelRequestFields] is not permitted",
    );
    expect(errorMessage(() => nova.parseRequest({ messages: [{ role: "user", content: [{ type: "text", text: "x" }] }] }))).toContain(
      "#/messages/0/content/0: extraneous key [type] is not permitted",
    );
    expect(errorMessage(() => nova.parseRequest({ messages: [{ role: "user", content: [{ text: "x" }] }], inferenceConfig: { maxTokens: "5" } }))).toContain(
      "#/inferenceConfig/maxTokens: expected type: Integer, found: String",
    );
  });

  it("answers with output.message, stopReason and usage with the legacy cache counters", () => {
    const turn = testTurn([{ text: "Sure." }, { toolUse: { toolUseId: "tooluse_1", name: "look", input: { a: 1 } } }], { stopReason: "tool_use" });
    expect(nova.renderResponse(turn, testContext(MODEL))).toEqual({
      output: { message: { content: [{ text: "Sure." }, { toolUse: { toolUseId: "tooluse_1", name: "look", input: { a: 1 } } }], role: "assistant" } },
      stopReason: "tool_use",
      usage: { inputTokens: 11, outputTokens: 7, totalTokens: 18, cacheReadInputTokenCount: 0, cacheWriteInputTokenCount: 0 },
    });
  });

  it("streams Converse-like chunks, opening only tool blocks with contentBlockStart", () => {
    const turn = testTurn([{ text: "Hi there" }, { toolUse: { toolUseId: "tooluse_1", name: "look", input: { a: 1 } } }], { stopReason: "tool_use" });
    const context = testContext(MODEL, { chunkSize: 4 });
    const chunks = nova.renderStream(turn, context);
    expect(chunks).toEqual([
      { messageStart: { role: "assistant" } },
      { contentBlockDelta: { delta: { text: "Hi t" }, contentBlockIndex: 0 } },
      { contentBlockDelta: { delta: { text: "here" }, contentBlockIndex: 0 } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { contentBlockStart: { start: { toolUse: { toolUseId: "tooluse_1", name: "look" } }, contentBlockIndex: 1 } },
      { contentBlockDelta: { delta: { toolUse: { input: '{"a":1}' } }, contentBlockIndex: 1 } },
      { contentBlockStop: { contentBlockIndex: 1 } },
      { messageStop: { stopReason: "tool_use" } },
      {
        metadata: { usage: { inputTokens: 11, outputTokens: 7, cacheReadInputTokenCount: 0, cacheWriteInputTokenCount: 0 }, metrics: {}, trace: {} },
        "amazon-bedrock-invocationMetrics": context.invocationMetrics,
      },
    ]);
  });
});
