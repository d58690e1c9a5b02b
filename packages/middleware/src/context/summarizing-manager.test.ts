import type { ModelRequest } from "@sluice/core";
import { ScriptedModel } from "@sluice/core/testing";
import { describe, expect, it } from "vitest";
import { conversation, problemIn } from "../../tests/conversation-fixture.js";
import { summarizingManager } from "./summarizing-manager.js";

describe("summarizingManager", () => {
  it("replaces the older messages with a summary the model wrote, keeping recent ones word for word", async () => {
    const model = new ScriptedModel(["They talked about the weather: sunny today."]);
    const kept = await summarizingManager({ model, keepRecentMessages: 4 }).reduce(conversation, {
      mustShrink: true,
      request: { modelId: "amazon.nova-lite-v1:0", messages: conversation },
    });
    expect(problemIn(kept)).toBeUndefined();
    expect(kept[0]?.content?.[0]?.text).toBe("Summary of the earlier part of this conversation:\nThey talked about the weather: sunny today.");
    expect(kept.slice(1)).toEqual(conversation.slice(-4));
    const summaryRequest = model.requests[0] as ModelRequest;
    expect(summaryRequest.modelId).toBe("amazon.nova-lite-v1:0");
    expect(summaryRequest.toolConfig).toBeUndefined();
    const transcript = summaryRequest.messages?.[0]?.content?.[0]?.text ?? "";
    expect(transcript).toContain("User: weather?");
    expect(transcript).toContain('[called lookup with {"id":"t1"}]');
    expect(transcript).toContain("[tool result: result t1]");
    expect(transcript).not.toContain("rainy");
  });

  it("merges the summary into a kept user message so roles still alternate", async () => {
    const kept = await summarizingManager({ summarize: async () => "short summary", keepRecentMessages: 5 }).reduce(conversation, { mustShrink: true });
    expect(problemIn(kept)).toBeUndefined();
    expect(kept[0]?.role).toBe("user");
    expect(kept[0]?.content?.map((block) => block.text)).toEqual(["Summary of the earlier part of this conversation:\nshort summary", "and tomorrow?"]);
  });

  it("falls back to dropping the older messages when the summary cannot be written", async () => {
    const failing = summarizingManager({
      summarize: async () => {
        throw new Error("the summary request was too long as well");
      },
      keepRecentMessages: 4,
    });
    const kept = await failing.reduce(conversation, { mustShrink: true });
    expect(problemIn(kept)).toBeUndefined();
    expect(kept.length).toBeLessThan(conversation.length);
    expect(kept[0]?.content?.[0]?.text).toMatch(/left out/);
  });

  it("reports a missing model instead of quietly dropping messages", async () => {
    await expect(summarizingManager().reduce(conversation, { mustShrink: true })).rejects.toThrow(/needs `model`/);
    await expect(summarizingManager({ model: new ScriptedModel() }).reduce(conversation, { mustShrink: true })).rejects.toThrow(/give `modelId`/);
  });

  it("leaves a short conversation alone unless it must shrink", async () => {
    const manager = summarizingManager({ summarize: async () => "never used" });
    expect(await manager.reduce(conversation.slice(0, 3), { mustShrink: false })).toEqual(conversation.slice(0, 3));
  });
});
