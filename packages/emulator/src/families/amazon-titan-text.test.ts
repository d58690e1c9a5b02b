import { describe, expect, it } from "vitest";
import { errorMessage, testContext, testTurn } from "../../tests/families/family-test-support.js";
import { amazonTitanTextFamily as titan } from "./amazon-titan-text.js";

const MODEL = "amazon.titan-text-express-v1";

describe("amazon-titan-text", () => {
  it("serves Titan text models, not embeddings", () => {
    expect(titan.matches("amazon.titan-tg1-large")).toBe(true);
    expect(titan.matches("amazon.titan-text-premier-v1:0")).toBe(true);
    expect(titan.matches("amazon.titan-embed-text-v2:0")).toBe(false);
  });

  it("reads inputText and textGenerationConfig, dropping an empty stop list", () => {
    const request = titan.parseRequest({ inputText: "Hello", textGenerationConfig: { maxTokenCount: 50, stopSequences: [], temperature: 0, topP: 0.9 } });
    expect(request).toEqual({ messages: [{ role: "user", content: [{ text: "Hello" }] }], inferenceConfig: { maxTokens: 50, temperature: 0, topP: 0.9 } });
  });

  it("refuses misspelled config keys", () => {
    expect(errorMessage(() => titan.parseRequest({ inputText: "x", textGenerationConfig: { maxTokens: 5 } }))).toContain(
      "#/textGenerationConfig: extraneous key [maxTokens] is not permitted",
    );
  });

  it("answers with results and Titan completion reasons", () => {
    expect(titan.renderResponse(testTurn([{ text: "Hi" }], { stopReason: "max_tokens" }), testContext(MODEL))).toEqual({
      inputTextTokenCount: 11,
      results: [{ tokenCount: 7, outputText: "Hi", completionReason: "LENGTH" }],
    });
    expect(titan.renderResponse(testTurn(), testContext(MODEL))).toMatchObject({ results: [{ completionReason: "FINISH" }] });
  });

  it("streams the input count first and the totals, reason and metrics last", () => {
    const context = testContext(MODEL, { chunkSize: 4 });
    expect(titan.renderStream(testTurn([{ text: "abcdefghij" }]), context)).toEqual([
      { outputText: "abcd", index: 0, inputTextTokenCount: 11 },
      { outputText: "efgh", index: 0 },
      { outputText: "ij", index: 0, totalOutputTextTokenCount: 7, completionReason: "FINISH", "amazon-bedrock-invocationMetrics": context.invocationMetrics },
    ]);
  });

  it("puts everything in one chunk when the text fits", () => {
    const chunks = titan.renderStream(testTurn([{ text: "ab" }]), testContext(MODEL, { chunkSize: 100 }));
    expect(Object.keys(chunks[0] as object)).toEqual(["outputText", "index", "totalOutputTextTokenCount", "completionReason", "inputTextTokenCount", "amazon-bedrock-invocationMetrics"]);
  });
});
