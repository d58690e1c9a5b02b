import { describe, expect, it } from "vitest";
import { errorMessage, testContext, testTurn } from "../../tests/families/family-test-support.js";
import { anthropicClaudeTextCompletionFamily as legacy, parseHumanAssistantPrompt } from "./anthropic-claude-text-completion.js";

const MODEL = "anthropic.claude-v2:1";

describe("anthropic-claude-text-completion", () => {
  it("serves the legacy IDs only", () => {
    expect(legacy.matches("anthropic.claude-instant-v1")).toBe(true);
    expect(legacy.matches("anthropic.claude-v2")).toBe(true);
    expect(legacy.matches("anthropic.claude-3-haiku-20240307-v1:0")).toBe(false);
  });

  it("reads Human/Assistant turns and keeps sampling settings", () => {
    const request = legacy.parseRequest({ prompt: "You are terse.\n\nHuman: Hi\n\nAssistant: Hello\n\nHuman: Joke?\n\nAssistant:", max_tokens_to_sample: 50, top_k: 250, stop_sequences: ["\n\nHuman:"] });
    expect(request.system).toEqual([{ text: "You are terse." }]);
    expect(request.messages).toEqual([
      { role: "user", content: [{ text: "Hi" }] },
      { role: "assistant", content: [{ text: "Hello" }] },
      { role: "user", content: [{ text: "Joke?" }] },
    ]);
    expect(request.inferenceConfig).toEqual({ maxTokens: 50, stopSequences: ["\n\nHuman:"] });
    expect(request.additionalModelRequestFields).toEqual({ top_k: 250 });
  });

  it("accepts prompts without the leading blank lines", () => {
    expect(parseHumanAssistantPrompt("Human: Tell me a joke Assistant:").messages).toEqual([{ role: "user", content: [{ text: "Tell me a joke" }] }]);
  });

  it("requires max_tokens_to_sample", () => {
    expect(errorMessage(() => legacy.parseRequest({ prompt: "\n\nHuman: Hi\n\nAssistant:" }))).toContain("#: required key [max_tokens_to_sample] not found");
  });

  it("answers a natural end as the \\n\\nHuman: stop sequence and max tokens without one", () => {
    const context = testContext(MODEL, { nativeBody: { prompt: "x", max_tokens_to_sample: 5 } });
    expect(legacy.renderResponse(testTurn([{ text: " Hi" }]), context)).toEqual({ type: "completion", completion: " Hi", stop_reason: "stop_sequence", stop: "\n\nHuman:" });
    expect(legacy.renderResponse(testTurn([{ text: " Hi" }], { stopReason: "max_tokens" }), context)).toMatchObject({ stop_reason: "max_tokens", stop: null });
  });

  it("streams completion pieces and closes with the stop fields and metrics", () => {
    const context = testContext(MODEL, { chunkSize: 3, nativeBody: { prompt: "x", max_tokens_to_sample: 5 } });
    const chunks = legacy.renderStream(testTurn([{ text: "abcdefg" }]), context) as Array<Record<string, unknown>>;
    expect(chunks.map((chunk) => chunk.completion).join("")).toBe("abcdefg");
    expect(chunks[0]).toEqual({ type: "completion", completion: "abc", stop_reason: null, stop: null });
    expect(chunks.at(-1)).toMatchObject({ stop_reason: "stop_sequence", stop: "\n\nHuman:", "amazon-bedrock-invocationMetrics": context.invocationMetrics });
  });

  it("answers Messages bodies in the Messages dialect", () => {
    const nativeBody = { anthropic_version: "bedrock-2023-05-31", max_tokens: 10, messages: [{ role: "user", content: "Hi" }] };
    expect(legacy.parseRequest(nativeBody).messages).toEqual([{ role: "user", content: [{ text: "Hi" }] }]);
    expect(legacy.renderResponse(testTurn(), testContext(MODEL, { nativeBody }))).toMatchObject({ type: "message", model: "claude-2.1" });
  });
});
