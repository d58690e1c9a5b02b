import { ConfigurationError } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { decodeCacheEntry, encodeCacheEntry, type CacheEntry } from "./cache-store.js";
import { MemoryCacheStore } from "./memory-cache-store.js";

function entry(text: string): CacheEntry {
  return {
    response: {
      output: { message: { role: "assistant", content: [{ text }] } },
      stopReason: "end_turn",
      usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
      metrics: { latencyMs: 1 },
    },
    storedAt: 0,
  };
}

describe("MemoryCacheStore", () => {
  it("evicts the least recently used entry beyond maxEntries", () => {
    const store = new MemoryCacheStore({ maxEntries: 2 });
    store.set("a", entry("a"), 60_000);
    store.set("b", entry("b"), 60_000);
    store.get("a");
    store.set("c", entry("c"), 60_000);
    expect([store.get("a"), store.get("b"), store.get("c")].map((found) => found !== undefined)).toEqual([true, false, true]);
  });

  it("keeps its byte total under maxBytes and refuses an entry larger than the bound", () => {
    const size = Buffer.byteLength(JSON.stringify(entry("x".repeat(100))));
    const store = new MemoryCacheStore({ maxBytes: size * 2 + 10 });
    for (const key of ["a", "b", "c", "d"]) store.set(key, entry("x".repeat(100)), 60_000);
    expect(store.size).toBe(2);
    expect(store.bytes).toBeLessThanOrEqual(size * 2 + 10);
    store.set("huge", entry("y".repeat(10_000)), 60_000);
    expect(store.get("huge")).toBeUndefined();
  });

  it("drops an entry when its TTL runs out", async () => {
    const store = new MemoryCacheStore();
    store.set("a", entry("a"), 20);
    expect(store.get("a")).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(store.get("a")).toBeUndefined();
  });

  it("refuses invalid bounds and unknown options", () => {
    expect(() => new MemoryCacheStore({ maxEntries: 0 })).toThrow(ConfigurationError);
    expect(() => new MemoryCacheStore({ maxBytes: 1.5 })).toThrow(/maxBytes must be an integer/);
    expect(() => new MemoryCacheStore({ maxItems: 3 } as never)).toThrow(/unknown option "maxItems"/);
  });
});

describe("encodeCacheEntry / decodeCacheEntry", () => {
  it("round-trips an entry with binary reasoning content", () => {
    const original: CacheEntry = {
      response: {
        output: { message: { role: "assistant", content: [{ reasoningContent: { redactedContent: new Uint8Array([7, 8, 9]) } }, { text: "ok" }] } },
        stopReason: "end_turn",
        usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
        metrics: { latencyMs: 1 },
      },
      events: [{ contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { redactedContent: new Uint8Array([7, 8, 9]) } } } }],
      storedAt: 5,
    };
    const decoded = decodeCacheEntry(encodeCacheEntry(original));
    expect(decoded).toEqual(original);
    expect(decoded.response.output?.message?.content?.[0]?.reasoningContent?.redactedContent).toBeInstanceOf(Uint8Array);
  });
});
