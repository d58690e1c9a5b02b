import { describe, expect, it } from "vitest";
import { errorMessage, testContext, testTurn } from "../../tests/families/family-test-support.js";
import { metaLlamaFamily as llama } from "./meta-llama.js";

const MODEL = "meta.llama3-1-70b-instruct-v1:0";

describe("meta-llama", () => {
  it("parses the chat template and maps sampling keys", () => {
    const request = llama.parseRequest({
      prompt: "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n",
      max_gen_len: 128,
      temperature: 0.1,
      top_p: 0.9,
    });
    expect(request).toEqual({
      system: [{ text: "Be brief." }],
      messages: [{ role: "user", content: [{ text: "Hi" }] }],
      inferenceConfig: { maxTokens: 128, temperature: 0.1, topP: 0.9 },
    });
  });

  it("puts Llama 3.2 images into the last user message", () => {
    const request = llama.parseRequest({ prompt: "What is this?", images: ["/9j/4AAQ"] });
    expect(request.messages?.[0]?.content).toEqual([{ image: { format: "jpeg", source: { bytes: "/9j/4AAQ" } } }, { text: "What is this?" }]);
  });

  it("caps max_gen_len at 2048 like the service", () => {
    expect(errorMessage(() => llama.parseRequest({ prompt: "x", max_gen_len: 8192 }))).toBe(
      "NativeBodyError: Malformed input request: #/max_gen_len: 8192 is not less or equal to 2048, please reformat your input and try again.",
    );
  });

  it("answers with generation and token counts, tool calls as JSON text", () => {
    expect(llama.renderResponse(testTurn([{ text: "Hi" }], { stopReason: "max_tokens" }), testContext(MODEL))).toEqual({
      generation: "Hi",
      prompt_token_count: 11,
      generation_token_count: 7,
      stop_reason: "length",
    });
    const tool = testTurn([{ toolUse: { toolUseId: "t", name: "get_weather", input: { city: "Paris" } } }], { stopReason: "tool_use" });
    expect(llama.renderResponse(tool, testContext(MODEL))).toMatchObject({ generation: '{"name":"get_weather","parameters":{"city":"Paris"}}', stop_reason: "stop" });
  });

  it("streams cumulative token counts, the prompt count only first, metrics last", () => {
    const context = testContext(MODEL, { chunkSize: 3 });
    const chunks = llama.renderStream(testTurn([{ text: "abcdefgh" }]), context) as Array<Record<string, unknown>>;
    expect(chunks.map((chunk) => chunk.generation)).toEqual(["abc", "def", "gh"]);
    expect(chunks.map((chunk) => chunk.prompt_token_count)).toEqual([11, null, null]);
    expect(chunks.map((chunk) => chunk.generation_token_count)).toEqual([2, 5, 7]);
    expect(chunks.map((chunk) => chunk.stop_reason)).toEqual([null, null, "stop"]);
    expect(chunks[2]?.["amazon-bedrock-invocationMetrics"]).toEqual(context.invocationMetrics);
  });
});
