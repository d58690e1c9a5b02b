import type { Message } from "@aws-sdk/client-bedrock-runtime";
import { describe, expect, it } from "vitest";
import { ConversationValidationError } from "../errors/conversation-error.js";
import { Conversation } from "./conversation.js";

const user = (text: string): Message => ({ role: "user", content: [{ text }] });
const assistant = (text: string): Message => ({ role: "assistant", content: [{ text }] });
const askTools = (...ids: string[]): Message => ({
  role: "assistant",
  content: ids.map((id) => ({ toolUse: { toolUseId: id, name: "lookup", input: {} } })),
});
const answer = (...ids: string[]): Message => ({
  role: "user",
  content: ids.map((id) => ({ toolResult: { toolUseId: id, content: [{ text: "ok" }] } })),
});

function rejection(conversation: Conversation, messages: Message[]): ConversationValidationError {
  try {
    conversation.appendAll(messages);
  } catch (error) {
    if (ConversationValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected the append to be refused");
}

describe("Conversation rules", () => {
  it("requires the first message to come from the user", () => {
    expect(rejection(new Conversation(), [assistant("hi")]).message).toMatch(/must start with a user message/);
  });

  it("requires roles to alternate", () => {
    const error = rejection(new Conversation(), [user("a"), user("b")]);
    expect(error.message).toMatch(/roles must alternate/);
    expect(error.messageIndex).toBe(1);
  });

  it("refuses blank text and empty content", () => {
    expect(rejection(new Conversation(), [user("   ")]).message).toMatch(/blank text block/);
    expect(rejection(new Conversation(), [{ role: "user", content: [] }]).message).toMatch(/no content blocks/);
  });

  it("requires every toolUse to be answered by id in the next user message", () => {
    const conversation = new Conversation({ messages: [user("go"), askTools("a", "b")] });
    expect(rejection(conversation, [answer("a")]).message).toMatch(/missing: "b"/);
    expect(rejection(conversation, [answer("a", "b", "c")]).message).toMatch(/no toolUse with that id/);
    expect(rejection(conversation, [user("ignored the tools")]).message).toMatch(/must answer every toolUse/);
    conversation.append(answer("b", "a"));
    expect(conversation.length).toBe(3);
  });

  it("refuses tool results, tool uses and reasoning in the wrong role", () => {
    expect(rejection(new Conversation(), [answer("x")]).message).toMatch(/no toolUse with that id/);
    const reasoningFromUser: Message = { role: "user", content: [{ reasoningContent: { reasoningText: { text: "t" } } }] };
    expect(rejection(new Conversation(), [reasoningFromUser]).message).toMatch(/reasoningContent blocks may only appear in assistant/);
  });

  it("leaves the conversation unchanged when any message of a batch is refused", () => {
    const conversation = new Conversation({ messages: [user("hi")] });
    rejection(conversation, [assistant("hello"), assistant("again")]);
    expect(conversation.messages).toEqual([user("hi")]);
  });

  it("freezes stored messages so they cannot be changed from outside", () => {
    const conversation = new Conversation({ messages: [user("hi")] });
    expect(() => {
      (conversation.messages[0]?.content as unknown[]).push({ text: "sneaky" });
    }).toThrow();
  });
});

describe("Conversation snapshots", () => {
  it("round-trips through JSON with bytes as base64, and continues where it was", () => {
    const image = new Uint8Array([137, 80, 78, 71, 0, 255]);
    const conversation = new Conversation({
      system: [{ text: "Be brief." }],
      messages: [
        { role: "user", content: [{ text: "Look" }, { image: { format: "png", source: { bytes: image } } }] },
        {
          role: "assistant",
          content: [
            { reasoningContent: { redactedContent: new Uint8Array([9, 9]) } },
            { toolUse: { toolUseId: "t1", name: "zoom", input: { bytes: "not binary" } } },
          ],
        },
        answer("t1"),
      ],
    });
    conversation.addUsage({ inputTokens: 10, outputTokens: 5, totalTokens: 15, cacheReadInputTokens: 2 });
    const json = JSON.parse(JSON.stringify(conversation.snapshot()));
    expect(json.messages[0].content[1].image.source.bytes).toBe(Buffer.from(image).toString("base64"));

    const restored = Conversation.restore(json);
    expect(restored.messages[0]?.content?.[1]?.image?.source?.bytes).toEqual(image);
    expect(restored.messages[1]?.content?.[1]?.toolUse?.input).toEqual({ bytes: "not binary" });
    expect(restored.usage).toEqual({ inputTokens: 10, outputTokens: 5, totalTokens: 15, cacheReadInputTokens: 2, cacheWriteInputTokens: 0 });
    expect(restored.system).toEqual([{ text: "Be brief." }]);
    restored.append(assistant("continued"));
    expect(restored.length).toBe(4);
  });

  it("refuses something that is not a snapshot", () => {
    expect(() => Conversation.restore({ messages: [] } as never)).toThrow(/Not a Sluice conversation snapshot/);
  });

  it("forks into independent branches", () => {
    const trunk = new Conversation({ messages: [user("hi"), assistant("hello")] });
    const branch = trunk.fork();
    branch.append(user("branch only"));
    expect(trunk.length).toBe(2);
    expect(branch.length).toBe(3);
  });

  it("replaces a trailing user message when asked, keeping the rules", () => {
    const conversation = new Conversation({ messages: [user("go"), askTools("a"), answer("a")] });
    const merged: Message = { role: "user", content: [...(answer("a").content ?? []), { text: "and more" }] };
    conversation.appendAll([merged, assistant("done")], { replacesLast: true });
    expect(conversation.length).toBe(4);
    expect(conversation.messages[2]?.content).toHaveLength(2);
  });
});
