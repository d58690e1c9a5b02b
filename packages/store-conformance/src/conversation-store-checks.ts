import assert from "node:assert/strict";
import {
  Conversation,
  ConversationConflictError,
  StoreDataError,
  StoreUnavailableError,
  type ConversationSnapshot,
  type ConversationStore,
} from "@sluice/core";
import { duringDrop, pause, rejection, uniqueId, type ConnectionDrop, type StoreCheck } from "./store-check.js";

/** The conversation store under test, and what it can do beyond the contract's minimum. */
export interface ConversationStoreSubject {
  /** A store to check; called once per check (checks use IDs of their own, so stores may share storage). */
  create(options: { ttlMs?: number }): ConversationStore | Promise<ConversationStore>;
  /** The store has `loadWithRevision` and conflicts (checks: revisions, stale saves, concurrent saves from one revision). */
  revisions?: boolean;
  /** Closes what `create` opened (connections, pools). */
  dispose?(store: ConversationStore): Promise<void>;
  /** Checks that `create({ ttlMs })` makes a store that forgets a conversation `ttlMs` after its last save. */
  ttl?: boolean;
  /** Writes something that is not a stored conversation where the store keeps `conversationId` (checks: load fails with `StoreDataError`). */
  corrupt?(conversationId: string): Promise<void>;
  /** Real connection drops (checks: an interrupted call fails with `StoreUnavailableError`, writing nothing). */
  connectionDrop?: ConnectionDrop;
}

/** A snapshot with `turns` exchanges, a unicode text, a tool round and binary content. */
export function sampleSnapshot(turns = 1, label = "hello"): ConversationSnapshot {
  const conversation = new Conversation({ system: [{ text: "Be brief." }] });
  for (let turn = 0; turn < turns; turn += 1) {
    conversation.append({ role: "user", content: [{ text: `${label} ${turn} — ünïcödé ✓` }] });
    conversation.append({ role: "assistant", content: [{ text: `answer ${turn}` }, { reasoningContent: { redactedContent: new Uint8Array([turn, 1, 2, 255]) } }] });
  }
  conversation.addUsage({ inputTokens: 10 * turns, outputTokens: 5 * turns, totalTokens: 15 * turns });
  return JSON.parse(JSON.stringify(conversation.snapshot())) as ConversationSnapshot;
}

const length = (snapshot: ConversationSnapshot | undefined) => snapshot?.messages.length;

/**
 * The conformance checks of a `ConversationStore`: round trips, replace and delete, copies,
 * revisions and conflicts (for stores with `loadWithRevision`), concurrent saves, and — as the
 * subject allows — TTL, damaged stored data and dropped connections. Every store Sluice ships
 * passes them; run them against your own.
 *
 * @example
 * for (const check of conversationStoreChecks({ create: () => new MyStore(pool) })) it(check.name, check.run);
 */
export function conversationStoreChecks(subject: ConversationStoreSubject): StoreCheck[] {
  const withStore =
    (body: (store: ConversationStore) => Promise<void>, options: { ttlMs?: number } = {}) =>
    async () => {
      const store = await subject.create(options);
      try {
        await body(store);
      } finally {
        await subject.dispose?.(store);
      }
    };
  const checks: StoreCheck[] = [
    {
      name: "load() of a conversation never saved resolves undefined",
      run: withStore(async (store) => {
        assert.equal(await store.load(uniqueId("absent")), undefined);
        if (store.loadWithRevision) assert.equal(await store.loadWithRevision(uniqueId("absent")), undefined);
      }),
    },
    {
      name: "save() then load() gives the snapshot back unchanged (unicode, binary content, usage)",
      run: withStore(async (store) => {
        const id = uniqueId("round-trip");
        const snapshot = sampleSnapshot(3);
        await store.save(id, snapshot);
        assert.deepEqual(await store.load(id), snapshot);
        assert.equal(Conversation.restore((await store.load(id)) as ConversationSnapshot).length, 6);
      }),
    },
    {
      name: "a later save() replaces the conversation; delete() removes it, and deleting an absent one is fine",
      run: withStore(async (store) => {
        const id = uniqueId("replace");
        await store.save(id, sampleSnapshot(1));
        await store.save(id, sampleSnapshot(2));
        assert.equal(length(await store.load(id)), 4);
        await store.delete(id);
        assert.equal(await store.load(id), undefined);
        await store.delete(id);
        await store.delete(uniqueId("never-saved"));
      }),
    },
    {
      name: "what is stored cannot be changed through the objects passed in or handed out",
      run: withStore(async (store) => {
        const id = uniqueId("copies");
        const snapshot = sampleSnapshot(1);
        await store.save(id, snapshot);
        snapshot.messages.push({ role: "user", content: [{ text: "added later" }] });
        const loaded = (await store.load(id)) as ConversationSnapshot;
        loaded.messages.length = 0;
        assert.equal(length(await store.load(id)), 2);
      }),
    },
    {
      name: "conversations are kept apart: saving or deleting one leaves the others",
      run: withStore(async (store) => {
        const ids = [uniqueId("apart"), uniqueId("apart"), uniqueId("apart")];
        await Promise.all(ids.map((id, index) => store.save(id, sampleSnapshot(index + 1, id))));
        await store.delete(ids[1] as string);
        assert.equal(length(await store.load(ids[0] as string)), 2);
        assert.equal(await store.load(ids[1] as string), undefined);
        assert.equal(length(await store.load(ids[2] as string)), 6);
      }),
    },
    {
      name: "concurrent saves of many conversations all land",
      run: withStore(async (store) => {
        const ids = Array.from({ length: 25 }, () => uniqueId("parallel"));
        await Promise.all(ids.map((id, index) => store.save(id, sampleSnapshot((index % 4) + 1, id))));
        const loaded = await Promise.all(ids.map((id) => store.load(id)));
        assert.deepEqual(loaded.map(length), ids.map((_, index) => ((index % 4) + 1) * 2));
      }),
    },
  ];

  if (subject.revisions) checks.push(...revisionChecks(withStore));
  if (subject.ttl) {
    checks.push({
      name: "with a TTL, a conversation is forgotten that long after its last save",
      run: withStore(
        async (store) => {
          const id = uniqueId("ttl");
          await store.save(id, sampleSnapshot(1));
          await pause(600);
          await store.save(id, sampleSnapshot(2)); // a save starts the TTL again
          await pause(600);
          assert.equal(length(await store.load(id)), 4, "the second save should have renewed the TTL");
          await pause(1_200);
          assert.equal(await store.load(id), undefined);
        },
        { ttlMs: 1_000 },
      ),
    });
  }
  if (subject.corrupt) {
    const corrupt = subject.corrupt;
    checks.push({
      name: "damaged stored data is a StoreDataError naming the conversation; deleting it makes the ID usable again",
      run: withStore(async (store) => {
        const id = uniqueId("damaged");
        const neighbour = uniqueId("neighbour");
        await store.save(neighbour, sampleSnapshot(1));
        await corrupt(id);
        const error = await rejection(store.load(id), "load() of damaged data");
        assert.ok(StoreDataError.isInstance(error), `expected a StoreDataError, got ${String(error)}`);
        assert.equal(error.key, id);
        if (store.loadWithRevision) assert.ok(StoreDataError.isInstance(await rejection(store.loadWithRevision(id), "loadWithRevision() of damaged data")));
        assert.equal(length(await store.load(neighbour)), 2);
        await store.delete(id);
        await store.save(id, sampleSnapshot(1));
        assert.equal(length(await store.load(id)), 2);
      }),
    });
  }
  if (subject.connectionDrop) checks.push(...dropChecks(subject.connectionDrop, withStore));
  return checks;
}

type WithStore = (body: (store: ConversationStore) => Promise<void>) => () => Promise<void>;

function revisionChecks(withStore: WithStore): StoreCheck[] {
  const revisioned = (body: (store: ConversationStore & Required<Pick<ConversationStore, "loadWithRevision">>) => Promise<void>) =>
    withStore(async (store) => {
      assert.equal(typeof store.loadWithRevision, "function", "a store with revisions must implement loadWithRevision()");
      await body(store as ConversationStore & Required<Pick<ConversationStore, "loadWithRevision">>);
    });
  return [
    {
      name: "revisions start at 1 and grow by one per save; save() resolves the new revision",
      run: revisioned(async (store) => {
        const id = uniqueId("revisions");
        assert.deepEqual(await store.save(id, sampleSnapshot(1), { expectedRevision: 0 }), { revision: 1 });
        assert.deepEqual(await store.save(id, sampleSnapshot(2), { expectedRevision: 1 }), { revision: 2 });
        assert.deepEqual(await store.save(id, sampleSnapshot(3)), { revision: 3 });
        const stored = await store.loadWithRevision(id);
        assert.equal(stored?.revision, 3);
        assert.equal(length(stored?.snapshot), 6);
      }),
    },
    {
      name: "a save from a stale revision is a ConversationConflictError and writes nothing",
      run: revisioned(async (store) => {
        const id = uniqueId("stale");
        await store.save(id, sampleSnapshot(1), { expectedRevision: 0 });
        await store.save(id, sampleSnapshot(2), { expectedRevision: 1 });
        const error = await rejection(store.save(id, sampleSnapshot(5), { expectedRevision: 1 }), "a stale save");
        assert.ok(ConversationConflictError.isInstance(error), `expected a ConversationConflictError, got ${String(error)}`);
        assert.equal(error.conversationId, id);
        assert.equal(error.expectedRevision, 1);
        const created = await rejection(store.save(id, sampleSnapshot(5), { expectedRevision: 0 }), "creating an existing conversation");
        assert.ok(ConversationConflictError.isInstance(created));
        const stored = await store.loadWithRevision(id);
        assert.equal(stored?.revision, 2);
        assert.equal(length(stored?.snapshot), 4);
      }),
    },
    {
      name: "a save expecting a revision of a deleted conversation is a conflict",
      run: revisioned(async (store) => {
        const id = uniqueId("deleted");
        await store.save(id, sampleSnapshot(1), { expectedRevision: 0 });
        await store.delete(id);
        assert.ok(ConversationConflictError.isInstance(await rejection(store.save(id, sampleSnapshot(2), { expectedRevision: 1 }), "a save after delete")));
        assert.equal(await store.load(id), undefined);
      }),
    },
    {
      name: "of 10 concurrent saves from one revision exactly one succeeds; the others conflict and the stored turn is the winner's",
      run: revisioned(async (store) => {
        const id = uniqueId("race");
        await store.save(id, sampleSnapshot(1), { expectedRevision: 0 });
        const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, index) => store.save(id, sampleSnapshot(2, `writer ${index}`), { expectedRevision: 1 })));
        const winners = outcomes.flatMap((outcome, index) => (outcome.status === "fulfilled" ? [index] : []));
        assert.equal(winners.length, 1, `expected one successful save, got ${winners.length}`);
        for (const outcome of outcomes) if (outcome.status === "rejected") assert.ok(ConversationConflictError.isInstance(outcome.reason), String(outcome.reason));
        const stored = await store.loadWithRevision(id);
        assert.equal(stored?.revision, 2);
        assert.deepEqual(stored?.snapshot, sampleSnapshot(2, `writer ${winners[0]}`));
      }),
    },
  ];
}

function dropChecks(drop: ConnectionDrop, withStore: WithStore): StoreCheck[] {
  const isUnavailable = (error: unknown, what: string) =>
    assert.ok(StoreUnavailableError.isInstance(error), `${what}: expected a StoreUnavailableError, got ${String(error)}`);
  const checks: StoreCheck[] = [
    {
      name: "a connection dropped during save() is a StoreUnavailableError, nothing is written, and the store works again after",
      run: withStore(async (store) => {
        const id = uniqueId("drop-save");
        await store.save(id, sampleSnapshot(1));
        const error = await duringDrop(drop, () => store.save(id, sampleSnapshot(2), store.loadWithRevision ? { expectedRevision: 1 } : {}), "save() during a drop");
        isUnavailable(error, "save() during a drop");
        assert.equal(length(await store.load(id)), 2, "the interrupted save must not have written anything");
        if (store.loadWithRevision) assert.equal((await store.loadWithRevision(id))?.revision, 1);
        await store.save(id, sampleSnapshot(3));
        assert.equal(length(await store.load(id)), 6);
      }),
    },
  ];
  if (drop.holdsReads !== false) {
    checks.push({
      name: "a connection dropped during load() is a StoreUnavailableError and the conversation is still there after",
      run: withStore(async (store) => {
        const id = uniqueId("drop-load");
        await store.save(id, sampleSnapshot(2));
        isUnavailable(await duringDrop(drop, () => store.load(id), "load() during a drop"), "load() during a drop");
        assert.equal(length(await store.load(id)), 4);
      }),
    });
  }
  return checks;
}
