import { LRUCache } from "lru-cache";
import { checkOptions, integerOption } from "../shared/options.js";
import type { CacheEntry, CacheStore } from "./cache-store.js";

/** Bounds of `MemoryCacheStore`. */
export interface MemoryCacheStoreOptions {
  /** Most entries kept. Default 1,000. */
  maxEntries?: number;
  /** Most bytes kept, counted as the entries' JSON size. Default 50 MB. */
  maxBytes?: number;
}

const owner = "MemoryCacheStore";

/**
 * The response cache's default store: in memory, least recently used entries evicted first
 * once either bound (entries or bytes) is reached, each entry dropped when its TTL runs out.
 * An entry larger than `maxBytes` is not stored.
 *
 * @example
 * const store = new MemoryCacheStore({ maxEntries: 500, maxBytes: 20_000_000 });
 * const cache = responseCacheMiddleware({ store, ttlMs: 60_000 });
 */
export class MemoryCacheStore implements CacheStore {
  private readonly entries: LRUCache<string, CacheEntry>;

  constructor(options: MemoryCacheStoreOptions = {}) {
    checkOptions(owner, options, ["maxEntries", "maxBytes"]);
    const maxEntries = integerOption(owner, "maxEntries", options.maxEntries) ?? 1_000;
    const maxBytes = integerOption(owner, "maxBytes", options.maxBytes) ?? 50_000_000;
    this.entries = new LRUCache<string, CacheEntry>({ max: maxEntries, maxSize: maxBytes, sizeCalculation: entrySize });
  }

  get(key: string): CacheEntry | undefined {
    return this.entries.get(key);
  }

  set(key: string, entry: CacheEntry, ttlMs: number): void {
    this.entries.set(key, entry, { ttl: ttlMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Entries currently kept. */
  get size(): number {
    return this.entries.size;
  }

  /** Bytes currently kept (JSON size of the entries). */
  get bytes(): number {
    return this.entries.calculatedSize;
  }

  clear(): void {
    this.entries.clear();
  }
}

function entrySize(entry: CacheEntry): number {
  const text = JSON.stringify(entry, (_key, value: unknown) => (value instanceof Uint8Array ? value.length : value));
  return Math.max(1, Buffer.byteLength(text));
}
