import { ConfigurationError } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { ContextOverflowError } from "../errors/context-overflow-error.js";
import { conversation, problemIn, toolResults, callsTools, user } from "../../tests/conversation-fixture.js";
import { slidingWindowManager } from "./sliding-window-manager.js";

describe("slidingWindowManager", () => {
  it("keeps at most maxMessages, the newest, and keeps tool pairs together", async () => {
    for (let maxMessages = 2; maxMessages <= 12; maxMessages += 1) {
      const kept = await slidingWindowManager({ maxMessages }).reduce(conversation, { mustShrink: false });
      expect(problemIn(kept), `maxMessages ${maxMessages}`).toBeUndefined();
      expect(kept.at(-1)).toBe(conversation.at(-1));
      if (maxMessages >= 3) expect(kept.length).toBeLessThanOrEqual(maxMessages);
    }
  });

  it("uses a notice from the user when the kept part starts with the assistant", async () => {
    const kept = await slidingWindowManager({ maxMessages: 5, notice: "(earlier turns omitted)" }).reduce(conversation, { mustShrink: false });
    // 5 newest are 6..10, a clean start at a user message; 4 would start inside the parallel tool round.
    expect(kept).toEqual(conversation.slice(6));
    const four = await slidingWindowManager({ maxMessages: 4, notice: "(earlier turns omitted)" }).reduce(conversation, { mustShrink: false });
    expect(four[0]).toEqual(user("(earlier turns omitted)"));
    expect(four.slice(1)).toEqual(conversation.slice(9));
  });

  it("halves a conversation that already fits when the model refused it, and says when it cannot", async () => {
    const kept = await slidingWindowManager({ maxMessages: 40 }).reduce(conversation, { mustShrink: true });
    expect(kept.length).toBeLessThanOrEqual(5);
    expect(problemIn(kept)).toBeUndefined();
    const unsplittable = [user("go"), callsTools("x"), toolResults("x")];
    const manager = slidingWindowManager({ maxMessages: 2 });
    const shortest = await manager.reduce(unsplittable, { mustShrink: true });
    expect(shortest).toHaveLength(3);
    expect(problemIn(shortest)).toBeUndefined();
    await expect(manager.reduce([user("only one message")], { mustShrink: true })).rejects.toSatisfy(ContextOverflowError.isInstance);
  });

  it("refuses invalid options", () => {
    expect(() => slidingWindowManager({ maxMessages: 1 })).toThrow(ConfigurationError);
    expect(() => slidingWindowManager({ window: 3 } as never)).toThrow(/unknown option "window"/);
  });
});
