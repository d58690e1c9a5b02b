import { describe, expect, it } from "vitest";
import { errorMessage, testContext, testTurn } from "../../tests/families/family-test-support.js";
import { ai21JambaFamily as jamba } from "./ai21-jamba.js";

const MODEL = "ai21.jamba-1-5-large-v1:0";

describe("ai21-jamba", () => {
  it("reads an OpenAI-like body", () => {
    const request = jamba.parseRequest({ messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Hi" }], max_tokens: 100, temperature: 1.5, stop: "END" });
    expect(request).toEqual({
      system: [{ text: "Be brief." }],
      messages: [{ role: "user", content: [{ text: "Hi" }] }],
      inferenceConfig: { maxTokens: 100, temperature: 1.5, stopSequences: ["END"] },
    });
  });

  it("bounds max_tokens at 4096", () => {
    expect(errorMessage(() => jamba.parseRequest({ messages: [{ role: "user", content: "x" }], max_tokens: 5000 }))).toContain("#/max_tokens: 5000 is not less or equal to 4096");
  });

  it("answers with choices, usage, meta and the model name", () => {
    const body = jamba.renderResponse(testTurn([{ text: "Hello" }]), testContext(MODEL)) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(["id", "choices", "usage", "meta", "model"]);
    expect(body.id).toMatch(/^chatcmpl-/);
    expect(body.choices).toEqual([{ index: 0, message: { role: "assistant", content: "Hello", tool_calls: null }, finish_reason: "stop" }]);
    expect(body.usage).toEqual({ prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 });
    expect(body.model).toBe("jamba-1-5-large");
  });

  it("streams deltas under one id, closing with finish_reason, usage and metrics", () => {
    const context = testContext(MODEL, { chunkSize: 3 });
    const chunks = jamba.renderStream(testTurn([{ text: "Hello" }]), context) as Array<{ id: string; choices: Array<{ delta: { content?: string }; finish_reason: string | null }> }>;
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? "").join("")).toBe("Hello");
    expect(chunks.at(-1)).toMatchObject({ choices: [{ finish_reason: "stop" }], usage: { total_tokens: 18 }, "amazon-bedrock-invocationMetrics": context.invocationMetrics });
  });
});
