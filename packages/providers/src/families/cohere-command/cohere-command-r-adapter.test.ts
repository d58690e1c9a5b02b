import { describe, expect, it } from "vitest";
import type { ModelRequest } from "@sluice/core";
import { decodeChunks } from "../../../tests/assemble-stream.js";
import { cohereCommandRAdapter } from "./cohere-command-r-adapter.js";

const context = (request: ModelRequest) => ({ modelId: request.modelId, baseModelId: request.modelId, streaming: false, request });
const weather = { toolSpec: { name: "get_weather", description: "Weather", inputSchema: { json: { type: "object", properties: { city: { type: "string", description: "City" }, days: { type: "array", items: { type: "integer" } } }, required: ["city"] } } } };

describe("Cohere Command R adapter (reference §6.6 shapes)", () => {
  it("writes history, preamble, tools, tool results and text documents", () => {
    const request: ModelRequest = {
      modelId: "cohere.command-r-v1:0",
      system: [{ text: "Be brief." }],
      messages: [
        { role: "user", content: [{ text: "Weather in Paris?" }, { document: { format: "txt", name: "Notes", source: { text: "Paris is in France." } } }] },
        { role: "assistant", content: [{ text: "Checking." }, { toolUse: { toolUseId: "tooluse_1", name: "get_weather", input: { city: "Paris" } } }] },
        { role: "user", content: [{ toolResult: { toolUseId: "tooluse_1", content: [{ json: { celsius: 21 } }] } }] },
      ],
      toolConfig: { tools: [weather] },
      inferenceConfig: { maxTokens: 100, topP: 0.5, stopSequences: ["END"] },
    };
    expect(cohereCommandRAdapter.buildRequest(request, context(request))).toEqual({
      message: "",
      chat_history: [
        { role: "USER", message: "Weather in Paris?" },
        { role: "CHATBOT", message: "Checking.", tool_calls: [{ name: "get_weather", parameters: { city: "Paris" } }] },
      ],
      preamble: "Be brief.",
      documents: [{ title: "Notes", snippet: "Paris is in France." }],
      tools: [
        {
          name: "get_weather",
          description: "Weather",
          parameter_definitions: { city: { description: "City", type: "str", required: true }, days: { description: "", type: "List[int]", required: false } },
        },
      ],
      tool_results: [{ call: { name: "get_weather", parameters: { city: "Paris" } }, outputs: [{ celsius: 21 }] }],
      max_tokens: 100,
      p: 0.5,
      stop_sequences: ["END"],
    });
  });

  it("reads tool calls (giving them IDs), text and the finish reason", () => {
    const request: ModelRequest = { modelId: "cohere.command-r-v1:0", messages: [{ role: "user", content: [{ text: "Hi" }] }] };
    const turn = cohereCommandRAdapter.parseResponse(
      { response_id: "r", text: "I will check.", generation_id: "g", tool_calls: [{ name: "get_weather", parameters: { city: "Paris" } }], finish_reason: "COMPLETE" },
      context(request),
    );
    expect(turn.stopReason).toBe("tool_use");
    expect(turn.content[0]).toEqual({ text: "I will check." });
    expect(turn.content[1]?.toolUse).toMatchObject({ name: "get_weather", input: { city: "Paris" } });
    expect(turn.content[1]?.toolUse?.toolUseId).toMatch(/^tooluse_[0-9a-f]{32}$/);
    expect(cohereCommandRAdapter.parseResponse({ text: "Long", finish_reason: "MAX_TOKENS" }, context(request)).stopReason).toBe("max_tokens");
  });

  it("streams text-generation, tool-calls-generation and stream-end events", () => {
    const request: ModelRequest = { modelId: "cohere.command-r-v1:0", messages: [{ role: "user", content: [{ text: "Hi" }] }] };
    const { response } = decodeChunks((writer) => cohereCommandRAdapter.createStreamDecoder(writer, context(request)), [
      { is_finished: false, event_type: "stream-start", generation_id: "g" },
      { is_finished: false, event_type: "text-generation", text: "Let me " },
      { is_finished: false, event_type: "text-generation", text: "check." },
      { is_finished: false, event_type: "tool-calls-generation", text: "Let me check.", tool_calls: [{ name: "get_weather", parameters: { city: "Rome" } }] },
      { is_finished: true, event_type: "stream-end", finish_reason: "COMPLETE", response: { text: "Let me check.", meta: { billed_units: { input_tokens: 9, output_tokens: 4 } } } },
    ]);
    expect(response.output?.message?.content?.[0]).toEqual({ text: "Let me check." });
    expect(response.output?.message?.content?.[1]?.toolUse).toMatchObject({ name: "get_weather", input: { city: "Rome" } });
    expect(response.stopReason).toBe("tool_use");
    expect(response.usage).toEqual({ inputTokens: 9, outputTokens: 4, totalTokens: 13 });
  });
});
