import { describe, expect, it } from "vitest";
import { runScriptedModel, ScriptedModel } from "./scripted-model.js";

const ask = (text: string) => ({ messages: [{ role: "user" as const, content: [{ text }] }] });

describe("runScriptedModel", () => {
  it("echoes the last user text with the documented token estimate", () => {
    const turn = runScriptedModel(ask("abcdefgh"), "amazon.nova-micro-v1:0");
    expect(turn).toEqual({
      content: [{ text: "You said: abcdefgh" }],
      stopReason: "end_turn",
      usage: { inputTokens: 2, outputTokens: 5, totalTokens: 7 },
    });
  });

  it("prefers the model's queue, then the global queue, then rules", () => {
    const model = new ScriptedModel({
      turns: [{ text: "global" }],
      models: { "amazon.nova-micro-v1:0": { turns: [{ text: "nova" }] } },
      rules: [{ match: { text: "x" }, reply: { text: "rule" } }],
    });
    expect(runScriptedModel(ask("x"), "us.amazon.nova-micro-v1:0", model).content).toEqual([{ text: "nova" }]);
    expect(runScriptedModel(ask("x"), "amazon.nova-micro-v1:0", model).content).toEqual([{ text: "global" }]);
    expect(runScriptedModel(ask("x"), "amazon.nova-micro-v1:0", model).content).toEqual([{ text: "rule" }]);
    expect(runScriptedModel(ask("y"), "amazon.nova-micro-v1:0", model).content).toEqual([{ text: "You said: y" }]);
  });

  it("keeps an explicit stop reason and usage as given", () => {
    const model = new ScriptedModel({ turns: [{ text: "blocked", stopReason: "content_filtered", usage: { inputTokens: 7, outputTokens: 1 } }] });
    const turn = runScriptedModel({ ...ask("hi"), inferenceConfig: { maxTokens: 1 } }, "m.x", model);
    expect(turn.stopReason).toBe("content_filtered");
    expect(turn.content).toEqual([{ text: "blocked" }]);
    expect(turn.usage).toEqual({ inputTokens: 7, outputTokens: 1, totalTokens: 8 });
  });
});
