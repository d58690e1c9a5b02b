import { describe, expect, it } from "vitest";
import { errorMessage, testContext, testTurn } from "../../tests/families/family-test-support.js";
import { STREAMING_UNSUPPORTED_MESSAGE } from "./model-family.js";
import { ai21JurassicFamily as jurassic } from "./ai21-jurassic.js";

const MODEL = "ai21.j2-mid-v1";

describe("ai21-jurassic", () => {
  it("reads camelCase settings", () => {
    expect(jurassic.parseRequest({ prompt: "Hi", temperature: 0.9, topP: 1, maxTokens: 10, stopSequences: [] })).toEqual({
      messages: [{ role: "user", content: [{ text: "Hi" }] }],
      inferenceConfig: { maxTokens: 10, temperature: 0.9, topP: 1 },
    });
    expect(errorMessage(() => jurassic.parseRequest({ prompt: "Hi", max_tokens: 10 }))).toContain("#: extraneous key [max_tokens] is not permitted");
  });

  it("answers with per-token data whose text ranges cover the text", () => {
    const context = testContext(MODEL, { nativeBody: { prompt: "Say hi", maxTokens: 10 } });
    const body = jurassic.renderResponse(testTurn([{ text: "\nHi there" }], { stopReason: "max_tokens" }), context) as {
      id: number;
      prompt: { text: string; tokens: Array<{ generatedToken: { token: string }; textRange: { start: number; end: number } }> };
      completions: Array<{ data: { text: string; tokens: Array<{ generatedToken: { token: string } }> }; finishReason: unknown }>;
    };
    expect(body.id).toBe(1234);
    expect(body.prompt.text).toBe("Say hi");
    expect(body.prompt.tokens.map((token) => token.generatedToken.token)).toEqual(["Say", "\u2581hi"]);
    expect(body.prompt.tokens.at(-1)?.textRange.end).toBe(6);
    expect(body.completions[0]?.data.tokens[0]?.generatedToken.token).toBe("<|newline|>Hi");
    expect(body.completions[0]?.finishReason).toEqual({ reason: "length", length: 10 });
  });

  it("does not stream", () => {
    expect(jurassic.supportsStreaming).toBe(false);
    expect(errorMessage(() => jurassic.renderStream(testTurn(), testContext(MODEL)))).toBe(`NativeBodyError: ${STREAMING_UNSUPPORTED_MESSAGE}`);
  });
});
