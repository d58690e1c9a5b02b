import { ConfigurationError, type Message } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { conversation, problemIn } from "../../tests/conversation-fixture.js";
import { tokenBudgetManager } from "./token-budget-manager.js";

/** Every message costs 10 tokens, so budgets read as message counts. */
const flat = (_message: Message) => 10;

describe("tokenBudgetManager", () => {
  it("keeps the newest messages that fit the budget, tool pairs together", async () => {
    for (let budget = 30; budget <= 120; budget += 10) {
      const kept = await tokenBudgetManager({ maxTokens: budget, estimateTokens: flat }).reduce(conversation, { mustShrink: false });
      expect(problemIn(kept), `budget ${budget}`).toBeUndefined();
      expect(kept.length * 10).toBeLessThanOrEqual(budget);
      expect(kept.at(-1)).toBe(conversation.at(-1));
    }
    const all = await tokenBudgetManager({ maxTokens: 1_000, estimateTokens: flat }).reduce(conversation, { mustShrink: false });
    expect(all).toEqual(conversation);
  });

  it("counts the system prompt and tools against the budget", async () => {
    const request = { modelId: "m", system: [{ text: "x".repeat(200) }], messages: conversation };
    const kept = await tokenBudgetManager({ maxTokens: 100, estimateTokens: flat }).reduce(conversation, { mustShrink: false, request });
    expect(kept.length).toBeLessThanOrEqual(5);
  });

  it("keeps half the estimated tokens when the model refused a conversation the estimate said would fit", async () => {
    const kept = await tokenBudgetManager({ maxTokens: 10_000, estimateTokens: flat }).reduce(conversation, { mustShrink: true });
    expect(kept.length * 10).toBeLessThanOrEqual(55);
    expect(problemIn(kept)).toBeUndefined();
  });

  it("requires maxTokens", () => {
    expect(() => tokenBudgetManager(undefined as never)).toThrow(ConfigurationError);
    expect(() => tokenBudgetManager({ maxTokens: 0 })).toThrow(/maxTokens must be an integer/);
  });
});
