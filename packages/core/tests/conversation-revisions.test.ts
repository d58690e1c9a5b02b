import { describe, expect, it } from "vitest";
import {
  Agent,
  ConversationConflictError,
  InMemoryConversationStore,
  type ConversationSnapshot,
  type ConversationStore,
  type SavedConversation,
} from "../src/index.js";
import { rejectionOf } from "./bad-input-catalogue.js";
import { useEmulator } from "./emulator-fixture.js";

const modelId = "anthropic.claude-3-5-haiku-20241022-v1:0";
const local = useEmulator();

const texts = (snapshot: ConversationSnapshot | undefined) =>
  (snapshot?.messages ?? []).map((message) => (message as { content: Array<{ text?: string }> }).content[0]?.text);

describe("optimistic concurrency between agents sharing a store", () => {
  it("refuses the stale writer with a rolled-back ConversationConflictError; its retry lands on top, so no turn is lost", async () => {
    const store = new InMemoryConversationStore();
    const first = new Agent({ modelId, client: local.client(), store, conversationId: "shared" });
    const second = new Agent({ modelId, client: local.client(), store, conversationId: "shared" });
    await first.send("one");
    await second.send("two"); // loads revision 1 and saves revision 2

    const error = await rejectionOf(() => first.send("three")); // first still holds revision 1
    expect(ConversationConflictError.isInstance(error), String(error)).toBe(true);
    expect(error).toMatchObject({ conversationId: "shared", expectedRevision: 1, actualRevision: 2, rolledBack: true, isRetryable: true });
    expect(error.message).toMatch(/Conversation "shared" changed in the store since revision 1 was loaded \(found revision 2\): the save was refused and nothing was written\. Reload the conversation and run the turn again/);
    expect(error.message).toMatch(/The turn was rolled back: the conversation is unchanged at 2 messages/);
    expect(texts(first.conversation.snapshot())).toEqual(["one", "You said: one"]);
    expect(texts(await store.load("shared"))).toEqual(["one", "You said: one", "two", "You said: two"]);

    await first.send("three"); // reloads, then runs the turn on the latest state
    expect(texts(await store.load("shared"))).toEqual(["one", "You said: one", "two", "You said: two", "three", "You said: three"]);
    expect(texts(first.conversation.snapshot())).toEqual(texts(await store.load("shared")));
    expect((await store.loadWithRevision("shared"))?.revision).toBe(3);
  });

  it("refuses the second of two agents that both start the same new conversation", async () => {
    const store = new InMemoryConversationStore();
    const first = new Agent({ modelId, client: local.client(), store, conversationId: "new" });
    const second = new Agent({ modelId, client: local.client(), store, conversationId: "new" });
    const outcomes = await Promise.allSettled([first.send("a"), second.send("b")]);
    const refused = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(refused).toHaveLength(1);
    expect(ConversationConflictError.isInstance((refused[0] as PromiseRejectedResult).reason)).toBe(true);
    expect(((refused[0] as PromiseRejectedResult).reason as ConversationConflictError).expectedRevision).toBe(0);
    expect((await store.load("new"))?.messages).toHaveLength(2);
  });
});

describe("stores of the two-argument contract", () => {
  it("keep working: save(id, snapshot) is called with two arguments and the last save wins", async () => {
    const saved = new Map<string, string>();
    const calls: number[] = [];
    const store: ConversationStore = {
      async load(id) {
        const text = saved.get(id);
        return text === undefined ? undefined : (JSON.parse(text) as ConversationSnapshot);
      },
      async save(id, snapshot) {
        calls.push(arguments.length);
        saved.set(id, JSON.stringify(snapshot));
      },
      async delete(id) {
        saved.delete(id);
      },
    };
    const first = new Agent({ modelId, client: local.client(), store, conversationId: "c" });
    const second = new Agent({ modelId, client: local.client(), store, conversationId: "c" });
    await first.send("one");
    await second.send("two");
    await first.send("three");
    expect(calls).toEqual([2, 2, 2]);
    expect(texts(JSON.parse(saved.get("c") as string) as ConversationSnapshot)).toEqual(["one", "You said: one", "three", "You said: three"]);
  });

  it("a store that loads revisions but resolves save() with nothing is reloaded before the next turn", async () => {
    const inner = new InMemoryConversationStore();
    let loads = 0;
    const store: ConversationStore = {
      load: (id) => inner.load(id),
      loadWithRevision: (id) => {
        loads += 1;
        return inner.loadWithRevision(id);
      },
      save: async (id, snapshot, options) => {
        await inner.save(id, snapshot, options);
      },
      delete: (id) => inner.delete(id),
    };
    const agent = new Agent({ modelId, client: local.client(), store, conversationId: "c" });
    await agent.send("one");
    await agent.send("two");
    expect(loads).toBe(2);
    expect(((await inner.save("c", (await inner.load("c")) as ConversationSnapshot)) as SavedConversation).revision).toBe(3);
  });
});
