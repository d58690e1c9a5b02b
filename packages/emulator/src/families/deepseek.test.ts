import { describe, expect, it } from "vitest";
import { errorMessage, testContext, testTurn } from "../../tests/families/family-test-support.js";
import { deepSeekFamily as deepseek } from "./deepseek.js";

const MODEL = "us.deepseek.r1-v1:0";
const prompt = "<｜begin▁of▁sentence｜><｜User｜>Hi<｜Assistant｜><think>\n";
const reasoningTurn = testTurn([{ reasoningContent: { reasoningText: { text: "A greeting." } } }, { text: "Hello!" }]);

describe("deepseek", () => {
  it("reads the DeepSeek template", () => {
    expect(deepseek.parseRequest({ prompt, max_tokens: 512, temperature: 0.5, stop: ["<｜end▁of▁sentence｜>"] })).toEqual({
      messages: [{ role: "user", content: [{ text: "Hi" }] }],
      inferenceConfig: { maxTokens: 512, temperature: 0.5, stopSequences: ["<｜end▁of▁sentence｜>"] },
    });
    expect(errorMessage(() => deepseek.parseRequest({ prompt, max_tokens: 40000 }))).toContain("#/max_tokens: 40000 is not less or equal to 32768");
  });

  it("continues inside the think block the prompt opened", () => {
    expect(deepseek.renderResponse(reasoningTurn, testContext(MODEL, { nativeBody: { prompt } }))).toEqual({
      choices: [{ text: "A greeting.\n</think>\n\nHello!", stop_reason: "stop" }],
    });
  });

  it("opens the think block itself when the prompt did not", () => {
    expect(deepseek.renderResponse(reasoningTurn, testContext(MODEL, { nativeBody: { prompt: "Hi" } }))).toMatchObject({
      choices: [{ text: "<think>\nA greeting.\n</think>\n\nHello!" }],
    });
  });

  it("streams choices chunks with the stop reason and metrics last", () => {
    const context = testContext(MODEL, { chunkSize: 4, nativeBody: { prompt } });
    const chunks = deepseek.renderStream(testTurn([{ text: "Hello!" }], { stopReason: "max_tokens" }), context) as Array<{ choices: Array<{ text: string; stop_reason: string | null }> }>;
    expect(chunks.map((chunk) => chunk.choices[0]?.text).join("")).toBe("Hello!");
    expect(chunks.map((chunk) => chunk.choices[0]?.stop_reason)).toEqual([null, "length"]);
    expect(chunks.at(-1)).toHaveProperty("amazon-bedrock-invocationMetrics");
  });
});
