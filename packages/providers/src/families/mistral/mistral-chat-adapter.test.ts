import { describe, expect, it } from "vitest";
import type { ModelRequest } from "@sluice/core";
import { UnsupportedFeatureError } from "../../errors/unsupported-feature-error.js";
import { decodeChunks } from "../../../tests/assemble-stream.js";
import { mistralChatAdapter } from "./mistral-chat-adapter.js";
import { mistralPrompt } from "./mistral-instruct-adapter.js";

const context = (request: ModelRequest) => ({ modelId: request.modelId, baseModelId: request.modelId, streaming: false, request });
const tools = { tools: [{ toolSpec: { name: "top_song", inputSchema: { json: { type: "object", properties: { sign: { type: "string" } } } } } }] };

describe("Mistral chat adapter (reference §6.5 shapes)", () => {
  it("writes system, tool_calls with string arguments, tool messages, tools and tool_choice", () => {
    const request: ModelRequest = {
      modelId: "mistral.mistral-large-2407-v1:0",
      system: [{ text: "Be brief." }],
      messages: [
        { role: "user", content: [{ text: "Top song on WZPZ?" }] },
        { role: "assistant", content: [{ toolUse: { toolUseId: "v6RMMiRlT", name: "top_song", input: { sign: "WZPZ" } } }] },
        { role: "user", content: [{ toolResult: { toolUseId: "v6RMMiRlT", content: [{ text: "Elemental Hotel" }] } }] },
      ],
      toolConfig: { ...tools, toolChoice: { any: {} } },
      inferenceConfig: { maxTokens: 50 },
    };
    expect(mistralChatAdapter.buildRequest(request, context(request))).toEqual({
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Top song on WZPZ?" },
        { role: "assistant", content: "", tool_calls: [{ id: "v6RMMiRlT", function: { name: "top_song", arguments: '{"sign":"WZPZ"}' } }] },
        { role: "tool", tool_call_id: "v6RMMiRlT", content: "Elemental Hotel" },
      ],
      tools: [{ type: "function", function: { name: "top_song", parameters: { type: "object", properties: { sign: { type: "string" } } } } }],
      tool_choice: "any",
      max_tokens: 50,
    });
    const forced = { ...request, toolConfig: { ...tools, toolChoice: { tool: { name: "top_song" } } } };
    expect(() => mistralChatAdapter.buildRequest(forced, context(forced))).toThrow(UnsupportedFeatureError);
  });

  it("reads Bedrock Mistral's stop_reason and JSON-string tool arguments", () => {
    const request: ModelRequest = { modelId: "mistral.mistral-large-2407-v1:0", messages: [] };
    const turn = mistralChatAdapter.parseResponse(
      {
        choices: [
          {
            index: 0,
            message: { role: "assistant", content: "", tool_calls: [{ id: "abc123xyz", function: { name: "top_song", arguments: '{"sign":"WZPZ"}' } }] },
            stop_reason: "tool_calls",
          },
        ],
      },
      context(request),
    );
    expect(turn).toEqual({ content: [{ toolUse: { toolUseId: "abc123xyz", name: "top_song", input: { sign: "WZPZ" } } }], stopReason: "tool_use", usage: undefined });
  });

  it("streams chunks that carry `message` (Bedrock's form) as well as `delta`", () => {
    const request: ModelRequest = { modelId: "mistral.mistral-large-2407-v1:0", messages: [] };
    const { response } = decodeChunks((writer) => mistralChatAdapter.createStreamDecoder(writer, context(request)), [
      { choices: [{ index: 0, message: { role: "assistant", content: "Hel" }, stop_reason: null }] },
      { choices: [{ index: 0, delta: { content: "lo" }, finish_reason: null }] },
      { choices: [{ index: 0, message: { role: "assistant", content: "", tool_calls: [{ id: "t1", function: { name: "top_song", arguments: "{}" } }] }, stop_reason: "tool_calls" }] },
    ]);
    expect(response.output?.message?.content).toEqual([{ text: "Hello" }, { toolUse: { toolUseId: "t1", name: "top_song", input: {} } }]);
    expect(response.stopReason).toBe("tool_use");
  });
});

describe("mistralPrompt", () => {
  it("writes the instruction format with the system prompt in the first instruction", () => {
    expect(
      mistralPrompt({
        modelId: "m",
        system: [{ text: "Be brief." }],
        messages: [
          { role: "user", content: [{ text: "Favourite condiment?" }] },
          { role: "assistant", content: [{ text: "Lemon juice." }] },
          { role: "user", content: [{ text: "Mayonnaise recipes?" }] },
        ],
      }),
    ).toBe("<s>[INST] Be brief.\n\nFavourite condiment? [/INST] Lemon juice.</s>[INST] Mayonnaise recipes? [/INST]");
  });
});
