import { describe, expect, it } from "vitest";
import { errorMessage, testTurn } from "../../tests/families/family-test-support.js";
import { chatFinishReason, chatToolCalls, parseChatMessages, parseChatTools } from "./openai-chat-messages.js";

describe("parseChatMessages", () => {
  it("splits system/developer text off and turns a tool round trip into Converse blocks", () => {
    const parsed = parseChatMessages([
      { role: "system", content: "Be brief." },
      { role: "developer", content: [{ type: "text", text: "Use tools." }] },
      { role: "user", content: [{ type: "text", text: "Weather?" }, { type: "image_url", image_url: { url: "data:image/png;base64,iVBOR" } }] },
      { role: "assistant", content: "", tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] },
      { role: "tool", tool_call_id: "call_1", content: "22°C" },
      { role: "tool", tool_call_id: "call_2", content: "dry" },
    ]);
    expect(parsed.system).toEqual([{ text: "Be brief." }, { text: "Use tools." }]);
    expect(parsed.messages).toEqual([
      { role: "user", content: [{ text: "Weather?" }, { image: { format: "png", source: { bytes: "iVBOR" } } }] },
      { role: "assistant", content: [{ toolUse: { toolUseId: "call_1", name: "get_weather", input: { city: "Paris" } } }] },
      {
        role: "user",
        content: [
          { toolResult: { toolUseId: "call_1", content: [{ text: "22°C" }] } },
          { toolResult: { toolUseId: "call_2", content: [{ text: "dry" }] } },
        ],
      },
    ]);
  });

  it("keeps inline <reasoning> of earlier assistant turns as reasoning blocks", () => {
    const parsed = parseChatMessages([{ role: "user", content: "Hi" }, { role: "assistant", content: "<reasoning>Greeting.</reasoning>Hello!" }]);
    expect(parsed.messages[1]?.content).toEqual([{ reasoningContent: { reasoningText: { text: "Greeting." } } }, { text: "Hello!" }]);
  });

  it("refuses unknown roles with the path of the message", () => {
    expect(errorMessage(() => parseChatMessages([{ role: "bot", content: "x" }]))).toContain("#/messages/0/role: bot is not a valid enum value");
  });
});

describe("parseChatTools", () => {
  it("maps functions and every tool_choice form", () => {
    const tools = [{ type: "function", function: { name: "f", description: "d", parameters: { type: "object" } } }];
    expect(parseChatTools(tools, "auto")).toEqual({ tools: [{ toolSpec: { name: "f", description: "d", inputSchema: { json: { type: "object" } } } }], toolChoice: { auto: {} } });
    expect(parseChatTools(tools, "required")?.toolChoice).toEqual({ any: {} });
    expect(parseChatTools(tools, "none")?.toolChoice).toBeUndefined();
    expect(parseChatTools(tools, { type: "function", function: { name: "f" } })?.toolChoice).toEqual({ tool: { name: "f" } });
    expect(parseChatTools([], "auto")).toBeUndefined();
  });
});

describe("chatToolCalls and chatFinishReason", () => {
  it("renders arguments as JSON text and maps stop reasons", () => {
    const turn = testTurn([{ toolUse: { toolUseId: "call_9", name: "f", input: { a: 1 } } }], { stopReason: "tool_use" });
    expect(chatToolCalls(turn)).toEqual([{ id: "call_9", type: "function", function: { name: "f", arguments: '{"a":1}' } }]);
    expect(chatFinishReason("tool_use")).toBe("tool_calls");
    expect(chatFinishReason("max_tokens")).toBe("length");
    expect(chatFinishReason("end_turn")).toBe("stop");
  });
});
