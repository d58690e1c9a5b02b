import type { ConverseStreamOutput, ModelResponse } from "@sluice/core";

/**
 * One stored answer: the complete response, and the event sequence as it was streamed (absent
 * when the answer came from a non-streaming call; a streamed hit then replays the events that
 * the response corresponds to).
 */
export interface CacheEntry {
  response: ModelResponse;
  events?: ConverseStreamOutput[];
  /** `Date.now()` when it was stored. */
  storedAt: number;
}

/**
 * Where the response cache keeps its entries. Methods may be synchronous or return promises,
 * so a shared store (Redis, DynamoDB…) fits as well as the in-memory default; such stores can
 * persist entries with `encodeCacheEntry` / `decodeCacheEntry`.
 *
 * @example
 * const store: CacheStore = {
 *   get: async (key) => { const text = await redis.get(key); return text ? decodeCacheEntry(text) : undefined; },
 *   set: async (key, entry, ttlMs) => { await redis.set(key, encodeCacheEntry(entry), { PX: ttlMs }); },
 *   delete: async (key) => { await redis.del(key); },
 * };
 */
export interface CacheStore {
  get(key: string): CacheEntry | undefined | Promise<CacheEntry | undefined>;
  /** Stores `entry` for `ttlMs` milliseconds. */
  set(key: string, entry: CacheEntry, ttlMs: number): void | Promise<void>;
  delete(key: string): void | Promise<void>;
  /**
   * Optional, for stores shared by several processes: called after a miss, before the model is
   * called, so that identical concurrent requests from every process make one model call. Resolves
   * with `{ entry }` when another holder answered while this caller waited, or with `{ lease }`
   * when this caller should call the model and then `complete` or `release` the lease. The response
   * cache calls it once per key and process (identical calls in one process already share a call).
   */
  claim?(key: string, options: CacheClaimOptions): Promise<CacheClaim>;
}

/** Options of `CacheStore.claim`. */
export interface CacheClaimOptions {
  /** Aborting stops the wait (the claim then rejects with an `AbortError`). */
  signal: AbortSignal;
}

/** What `CacheStore.claim` resolves with: an answer another holder produced, or the right to produce it. */
export type CacheClaim = { entry: CacheEntry; lease?: undefined } | { lease: CacheLease; entry?: undefined };

/** The right to call the model for one key, from `CacheStore.claim`. */
export interface CacheLease {
  /** Hands `entry` to the callers waiting for this key and, with `ttlMs`, stores it; then lets go of the key. */
  complete(entry: CacheEntry, ttlMs: number | undefined): Promise<void>;
  /** Lets go of the key without an answer (the call failed), so that one waiting caller takes over. */
  release(): Promise<void>;
}

const bytesMarker = "$sluiceBytes";

/**
 * A cache entry as JSON text, binary fields (redacted reasoning) as base64.
 *
 * @example
 * await redis.set(key, encodeCacheEntry(entry));
 */
export function encodeCacheEntry(entry: CacheEntry): string {
  return JSON.stringify(entry, (_key, value: unknown) =>
    value instanceof Uint8Array ? { [bytesMarker]: Buffer.from(value).toString("base64") } : value,
  );
}

/**
 * The entry that `encodeCacheEntry` wrote.
 *
 * @example
 * const entry = decodeCacheEntry(await redis.get(key));
 */
export function decodeCacheEntry(text: string): CacheEntry {
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value === "object" && value !== null && typeof (value as Record<string, unknown>)[bytesMarker] === "string") {
      return new Uint8Array(Buffer.from((value as Record<string, string>)[bytesMarker] as string, "base64"));
    }
    return value;
  }) as CacheEntry;
}
