import { describe, expect, it } from "vitest";
import { errorMessage, testContext, testTurn } from "../../tests/families/family-test-support.js";
import { cohereCommandLegacyFamily as legacy } from "./cohere-command-legacy.js";

const MODEL = "cohere.command-light-text-v14";

describe("cohere-command-legacy", () => {
  it("reads the prompt and keeps k and num_generations aside", () => {
    const request = legacy.parseRequest({ prompt: "Explain LLM chains", temperature: 0.9, p: 1, k: 0, max_tokens: 10, stop_sequences: [], stream: false, num_generations: 2 });
    expect(request).toEqual({
      messages: [{ role: "user", content: [{ text: "Explain LLM chains" }] }],
      inferenceConfig: { maxTokens: 10, temperature: 0.9, topP: 1 },
      additionalModelRequestFields: { k: 0, num_generations: 2 },
    });
  });

  it("bounds num_generations", () => {
    expect(errorMessage(() => legacy.parseRequest({ prompt: "x", num_generations: 9 }))).toContain("#/num_generations: 9 is not less or equal to 5");
  });

  it("answers each requested generation and echoes the prompt", () => {
    const body = legacy.renderResponse(testTurn([{ text: " A chain" }], { stopReason: "max_tokens" }), testContext(MODEL, { nativeBody: { prompt: "P", num_generations: 2 } })) as {
      generations: Array<Record<string, unknown>>;
      prompt: string;
    };
    expect(body.prompt).toBe("P");
    expect(body.generations.map((generation) => Object.keys(generation))).toEqual([["id", "text", "finish_reason"], ["id", "text", "finish_reason"]]);
    expect(body.generations[0]).toMatchObject({ text: " A chain", finish_reason: "MAX_TOKENS" });
  });

  it("streams is_finished chunks, indexed when several generations were asked for", () => {
    const single = legacy.renderStream(testTurn([{ text: "abcd" }]), testContext(MODEL, { chunkSize: 2, nativeBody: { prompt: "P" } }));
    expect(single.slice(0, 2)).toEqual([{ is_finished: false, text: "ab" }, { is_finished: false, text: "cd" }]);
    expect(single.at(-1)).toMatchObject({ finish_reason: "COMPLETE", is_finished: true });
    const multi = legacy.renderStream(testTurn([{ text: "ab" }]), testContext(MODEL, { chunkSize: 2, nativeBody: { prompt: "P", num_generations: 2 } }));
    expect(multi.slice(0, 2)).toEqual([{ index: 0, is_finished: false, text: "ab" }, { index: 1, is_finished: false, text: "ab" }]);
  });
});
