import { describe, expect, it } from "vitest";
import { errorMessage, testContext, testTurn } from "../../tests/families/family-test-support.js";
import { cohereCommandFamily as command } from "./cohere-command.js";

const MODEL = "cohere.command-r-plus-v1:0";

const nativeBody = {
  message: "",
  preamble: "You are a weather bot.",
  chat_history: [
    { role: "USER", message: "Weather in Paris?" },
    { role: "CHATBOT", message: "Let me check.", tool_calls: [{ name: "get_weather", parameters: { city: "Paris" } }] },
  ],
  tools: [{ name: "get_weather", description: "Weather by city", parameter_definitions: { city: { description: "City", type: "str", required: true } } }],
  tool_results: [{ call: { name: "get_weather", parameters: { city: "Paris" } }, outputs: [{ temperature: 22 }] }],
  max_tokens: 300,
  p: 0.75,
  k: 0,
};

describe("cohere-command (Command R / R+)", () => {
  it("serves R and R+ but not the legacy or embed models", () => {
    expect(command.matches("cohere.command-r-v1:0")).toBe(true);
    expect(command.matches("cohere.command-text-v14")).toBe(false);
    expect(command.matches("cohere.embed-english-v3")).toBe(false);
  });

  it("rebuilds the conversation, tool schema and tool results", () => {
    const request = command.parseRequest(nativeBody);
    expect(request.system).toEqual([{ text: "You are a weather bot." }]);
    expect(request.messages).toEqual([
      { role: "user", content: [{ text: "Weather in Paris?" }] },
      { role: "assistant", content: [{ text: "Let me check." }, { toolUse: { toolUseId: "get_weather_0", name: "get_weather", input: { city: "Paris" } } }] },
      { role: "user", content: [{ toolResult: { toolUseId: "get_weather_0", content: [{ json: { temperature: 22 } }] } }] },
    ]);
    expect(request.toolConfig?.tools[0]?.toolSpec?.inputSchema.json).toEqual({ type: "object", properties: { city: { type: "string", description: "City" } }, required: ["city"] });
    expect(request.inferenceConfig).toEqual({ maxTokens: 300, topP: 0.75 });
    expect(request.additionalModelRequestFields).toEqual({ k: 0 });
  });

  it("refuses top_k, which Command R does not have", () => {
    expect(errorMessage(() => command.parseRequest({ message: "x", top_k: 5 }))).toContain("#: extraneous key [top_k] is not permitted");
  });

  it("answers with text, chat_history, finish_reason and tool_calls", () => {
    const turn = testTurn([{ toolUse: { toolUseId: "x", name: "get_weather", input: { city: "Lyon" } } }], { stopReason: "tool_use" });
    const body = command.renderResponse(turn, testContext(MODEL, { nativeBody: { message: "And Lyon?" } })) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(["response_id", "text", "generation_id", "chat_history", "finish_reason", "tool_calls", "meta"]);
    expect(body.tool_calls).toEqual([{ name: "get_weather", parameters: { city: "Lyon" } }]);
    expect(body.finish_reason).toBe("COMPLETE");
    expect(body.chat_history).toEqual([
      { role: "USER", message: "And Lyon?" },
      { role: "CHATBOT", message: "", tool_calls: [{ name: "get_weather", parameters: { city: "Lyon" } }] },
    ]);
  });

  it("streams stream-start, text-generation and a stream-end carrying the whole response", () => {
    const context = testContext(MODEL, { chunkSize: 5, nativeBody: { message: "Hi" } });
    const chunks = command.renderStream(testTurn([{ text: "Hello there" }], { stopReason: "max_tokens" }), context) as Array<Record<string, unknown>>;
    expect(chunks.map((chunk) => chunk.event_type)).toEqual(["stream-start", "text-generation", "text-generation", "text-generation", "stream-end"]);
    const end = chunks.at(-1) as Record<string, unknown>;
    expect(end).toMatchObject({ is_finished: true, finish_reason: "MAX_TOKENS", "amazon-bedrock-invocationMetrics": context.invocationMetrics });
    expect((end.response as { text: string; generation_id: string }).text).toBe("Hello there");
    expect((end.response as { generation_id: string }).generation_id).toBe(chunks[0]?.generation_id);
  });
});
