import { describe, expect, it } from "vitest";
import { checkConversation } from "./check-conversation.js";
import { conversationRulesFor } from "./model-conversation-rules.js";

describe("conversationRulesFor", () => {
  it("relaxes only the rules recordings showed relaxed", () => {
    expect(conversationRulesFor("global.anthropic.claude-sonnet-4-5-20250929-v1:0")).toEqual({ requiresLeadingUser: false, requiresAlternation: true });
    expect(conversationRulesFor("anthropic.claude-3-5-haiku-20241022-v1:0")).toEqual({ requiresLeadingUser: true, requiresAlternation: true });
    expect(conversationRulesFor("amazon.titan-text-express-v1")).toEqual({ requiresLeadingUser: true, requiresAlternation: false });
  });
});

describe("checkConversation blank text", () => {
  it("accepts whitespace beside other text but refuses empty text or a whitespace-only message", () => {
    const user = (...texts: string[]) => [{ role: "user", content: texts.map((text) => ({ text })) }];
    expect(() => checkConversation(user("question", "\n"), false)).not.toThrow();
    expect(() => checkConversation(user("question", ""), false)).toThrow("messages.0.content.1 is blank");
    expect(() => checkConversation(user("\n\n"), false)).toThrow("messages.0.content.0 is blank");
  });
});
