import assert from "node:assert/strict";
import { StoreDataError, StoreUnavailableError } from "@sluice/core";
import type { CacheEntry, CacheLease, CacheStore } from "@sluice/middleware";
import { duringDrop, pause, rejection, uniqueId, type ConnectionDrop, type StoreCheck } from "./store-check.js";

/** The response-cache store under test, and what it can do beyond the contract's minimum. */
export interface CacheStoreSubject {
  /** A store to check; called once per check (checks use keys of their own, so stores may share storage). */
  create(): CacheStore | Promise<CacheStore>;
  /** The store implements `claim` (checks: one lease among concurrent claims, hand-over, abort). */
  singleFlight?: boolean;
  /** Closes what `create` opened. */
  dispose?(store: CacheStore): Promise<void>;
  /** Writes something that is not a cache entry under `key` (checks: `get` fails with `StoreDataError`). */
  corrupt?(key: string): Promise<void>;
  /** Real connection drops (checks: an interrupted call fails with `StoreUnavailableError`, writing nothing). */
  connectionDrop?: ConnectionDrop;
}

/** A cache entry with streamed events and binary reasoning content. */
export function sampleEntry(text = "cached answer"): CacheEntry {
  return {
    response: {
      output: { message: { role: "assistant", content: [{ reasoningContent: { redactedContent: new Uint8Array([9, 8, 7]) } }, { text }] } },
      stopReason: "end_turn",
      usage: { inputTokens: 12, outputTokens: 3, totalTokens: 15 },
      metrics: { latencyMs: 42 },
    },
    events: [
      { messageStart: { role: "assistant" } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text } } },
      { messageStop: { stopReason: "end_turn" } },
    ],
    storedAt: 1_700_000_000_000,
  };
}

const minute = 60_000;
const signal = () => new AbortController().signal;

/**
 * The conformance checks of a response-cache `CacheStore`: round trips (binary content included),
 * delete, TTL, keys kept apart under concurrency, and — as the subject and store allow —
 * damaged data, dropped connections and cross-process single-flight (`claim`: one lease among
 * concurrent claims, the answer handed to the waiters, a released lease taken over).
 *
 * @example
 * for (const check of cacheStoreChecks({ create: () => new MyCacheStore() })) it(check.name, check.run);
 */
export function cacheStoreChecks(subject: CacheStoreSubject): StoreCheck[] {
  const withStore = (body: (store: CacheStore) => Promise<void>) => async () => {
    const store = await subject.create();
    try {
      await body(store);
    } finally {
      await subject.dispose?.(store);
    }
  };
  const checks: StoreCheck[] = [
    {
      name: "get() of a key never set resolves undefined",
      run: withStore(async (store) => assert.equal(await store.get(uniqueId("absent")), undefined)),
    },
    {
      name: "set() then get() gives the entry back, binary content as bytes",
      run: withStore(async (store) => {
        const key = uniqueId("round-trip");
        await store.set(key, sampleEntry(), minute);
        const entry = await store.get(key);
        assert.deepEqual(entry, sampleEntry());
        assert.ok(entry?.response.output?.message?.content?.[0]?.reasoningContent?.redactedContent instanceof Uint8Array);
      }),
    },
    {
      name: "delete() removes an entry, and deleting an absent key is fine",
      run: withStore(async (store) => {
        const key = uniqueId("delete");
        await store.set(key, sampleEntry(), minute);
        await store.delete(key);
        assert.equal(await store.get(key), undefined);
        await store.delete(key);
      }),
    },
    {
      name: "an entry is gone once its TTL has passed",
      run: withStore(async (store) => {
        const key = uniqueId("ttl");
        const kept = uniqueId("ttl-kept");
        await store.set(key, sampleEntry(), 300);
        await store.set(kept, sampleEntry(), minute);
        assert.ok(await store.get(key), "the entry should be there before its TTL");
        await pause(900);
        assert.equal(await store.get(key), undefined);
        assert.ok(await store.get(kept), "an entry with a longer TTL should still be there");
      }),
    },
    {
      name: "50 concurrent set() and get() calls on different keys each see their own entry",
      run: withStore(async (store) => {
        const keys = Array.from({ length: 50 }, () => uniqueId("parallel"));
        await Promise.all(keys.map((key) => store.set(key, sampleEntry(key), minute)));
        const entries = await Promise.all(keys.map((key) => store.get(key)));
        assert.deepEqual(
          entries.map((entry) => entry?.response.output?.message?.content?.[1]?.text),
          keys,
        );
      }),
    },
  ];
  if (subject.corrupt) {
    const corrupt = subject.corrupt;
    checks.push({
      name: "a damaged entry is a StoreDataError naming the key; delete() clears it",
      run: withStore(async (store) => {
        const key = uniqueId("damaged");
        await corrupt(key);
        const error = await rejection(Promise.resolve().then(() => store.get(key)), "get() of damaged data");
        assert.ok(StoreDataError.isInstance(error), `expected a StoreDataError, got ${String(error)}`);
        assert.equal(error.key, key);
        await store.delete(key);
        assert.equal(await store.get(key), undefined);
      }),
    });
  }
  if (subject.connectionDrop) {
    const drop = subject.connectionDrop;
    checks.push({
      name: "a connection dropped during set() (and get(), if reads can be held) is a StoreUnavailableError, nothing is written, and the store works again after",
      run: withStore(async (store) => {
        const key = uniqueId("drop");
        await store.set(key, sampleEntry("before"), minute);
        const during = await duringDrop(drop, () => Promise.resolve().then(() => store.set(key, sampleEntry("during"), minute)), "set() during a drop");
        assert.ok(StoreUnavailableError.isInstance(during), `set(): expected a StoreUnavailableError, got ${String(during)}`);
        if (drop.holdsReads !== false) {
          const read = await duringDrop(drop, () => Promise.resolve().then(() => store.get(key)), "get() during a drop");
          assert.ok(StoreUnavailableError.isInstance(read), `get(): expected a StoreUnavailableError, got ${String(read)}`);
        }
        assert.equal((await store.get(key))?.response.output?.message?.content?.[1]?.text, "before");
      }),
    });
  }
  if (subject.singleFlight) checks.push(...claimChecks(withStore));
  return checks;
}

function claimChecks(withStore: (body: (store: CacheStore) => Promise<void>) => () => Promise<void>): StoreCheck[] {
  const claiming = (body: (store: CacheStore & Required<Pick<CacheStore, "claim">>) => Promise<void>) =>
    withStore(async (store) => {
      assert.equal(typeof store.claim, "function", "a single-flight store must implement claim()");
      await body(store as CacheStore & Required<Pick<CacheStore, "claim">>);
    });
  return [
    {
      name: "claim(): of 8 concurrent claims one gets the lease; completing it hands the entry to the 7 others and stores it",
      run: claiming(async (store) => {
        const key = uniqueId("claim");
        const claims = Array.from({ length: 8 }, () => store.claim(key, { signal: signal() }));
        const first = await Promise.race(claims.map((claim, index) => claim.then((outcome) => ({ outcome, index }))));
        const lease = first.outcome.lease as CacheLease;
        assert.ok(lease, "the first claim to settle should hold the lease");
        await lease.complete(sampleEntry("shared"), minute);
        const outcomes = await Promise.all(claims);
        assert.equal(outcomes.filter((outcome) => outcome.lease).length, 1);
        for (const outcome of outcomes.filter((outcome) => !outcome.lease)) assert.equal(outcome.entry?.response.output?.message?.content?.[1]?.text, "shared");
        assert.ok(await store.get(key), "a completed lease with a TTL stores the entry");
        assert.equal((await store.claim(key, { signal: signal() })).entry?.storedAt, sampleEntry().storedAt);
      }),
    },
    {
      name: "claim(): a released lease is taken over by one waiter; an answer completed without a TTL is shared but not stored",
      run: claiming(async (store) => {
        const key = uniqueId("release");
        const holder = await store.claim(key, { signal: signal() });
        assert.ok(holder.lease);
        const waiters = [store.claim(key, { signal: signal() }), store.claim(key, { signal: signal() })];
        await pause(50);
        await holder.lease.release();
        const next = await Promise.race(waiters);
        assert.ok(next.lease, "a waiter should take the released lease over");
        await next.lease.complete(sampleEntry("not stored"), undefined);
        const outcomes = await Promise.all(waiters);
        assert.equal(outcomes.filter((outcome) => outcome.entry?.response.output?.message?.content?.[1]?.text === "not stored").length, 1);
        assert.equal(await store.get(key), undefined);
      }),
    },
    {
      name: "claim(): an aborted wait rejects and leaves the lease to its holder",
      run: claiming(async (store) => {
        const key = uniqueId("abort");
        const holder = await store.claim(key, { signal: signal() });
        const controller = new AbortController();
        const waiting = store.claim(key, { signal: controller.signal });
        await pause(30);
        controller.abort();
        const error = await rejection(waiting, "an aborted claim");
        assert.equal((error as Error).name, "AbortError");
        await holder.lease?.complete(sampleEntry(), minute);
        assert.ok(await store.get(key));
      }),
    },
  ];
}
