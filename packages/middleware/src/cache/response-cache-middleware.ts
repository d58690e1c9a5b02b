import { AbortError, ConfigurationError, ModelResult, type ConverseStreamOutput, type MiddlewareObject, type ModelCall, type ModelNext, type ModelRequest, type ModelResponse } from "@sluice/core";
import { canAbort, responseToEvents } from "@sluice/core/internal";
import { checkOptions, functionOption, integerOption, stringListOption } from "../shared/options.js";
import { responseCacheKey } from "./cache-key.js";
import type { CacheClaim, CacheEntry, CacheLease, CacheStore } from "./cache-store.js";
import { MemoryCacheStore } from "./memory-cache-store.js";

declare module "@sluice/core" {
  interface ModelCallState {
    /**
     * Set by an outer middleware to change caching for this call: `bypass` neither reads nor
     * writes the cache, `refresh` skips reading but stores the fresh answer.
     */
    responseCache?: "bypass" | "refresh";
    /** Set by the response cache: true when the answer came from the cache (or a shared in-flight call). */
    responseCacheHit?: boolean;
  }
}

/** Options of `responseCacheMiddleware`. */
export interface ResponseCacheOptions {
  /** Where entries live. Default: a `MemoryCacheStore` (1,000 entries, 50 MB). */
  store?: CacheStore;
  /** How long an entry is kept. Default 300,000 ms (5 minutes). */
  ttlMs?: number;
  /** Stop reasons of answers worth storing. Default `end_turn`, `tool_use`, `stop_sequence`. */
  cacheableStopReasons?: string[];
  /** Return true to leave a call out of the cache (neither read nor written). */
  bypass?: (call: ModelCall) => boolean;
  /** A different cache key. Default `responseCacheKey` (a hash of the normalised request). */
  key?: (request: ModelRequest) => string;
}

const owner = "responseCacheMiddleware";

/**
 * Answers a request identical to an earlier one from a cache instead of calling the model. The
 * key is built from the normalised request (model ID, system, messages, inference and tool
 * configuration). A streamed call answered from the cache replays the recorded event sequence;
 * identical requests made while the first is still running wait for it and share its answer
 * (one model call for all) — across processes too when the store implements `claim` (as
 * `RedisCacheStore` from @sluice/redis does). Only complete answers with a cacheable stop reason are stored —
 * never errors, interrupted streams, or truncated (`max_tokens`) answers. Per call, an outer
 * middleware may set `call.state.responseCache` to `bypass` or `refresh`.
 *
 * @example
 * const agent = new Agent({ modelId, middleware: [responseCacheMiddleware({ ttlMs: 60_000 })] });
 */
export function responseCacheMiddleware(options: ResponseCacheOptions = {}): MiddlewareObject {
  checkOptions(owner, options, ["store", "ttlMs", "cacheableStopReasons", "bypass", "key"]);
  const store: CacheStore = options.store ?? new MemoryCacheStore();
  checkStore(store);
  const ttlMs = integerOption(owner, "ttlMs", options.ttlMs) ?? 300_000;
  const cacheable = new Set(stringListOption(owner, "cacheableStopReasons", options.cacheableStopReasons) ?? ["end_turn", "tool_use", "stop_sequence"]);
  const bypass = functionOption<(call: ModelCall) => boolean>(owner, "bypass", options.bypass);
  const keyOf = functionOption<(request: ModelRequest) => string>(owner, "key", options.key) ?? responseCacheKey;
  /** Calls on their way to the model, by key; each resolves with the answer, or undefined if it failed. */
  const inFlight = new Map<string, Promise<CacheEntry | undefined>>();

  async function responseCache(call: ModelCall, next: ModelNext): Promise<ModelResult> {
    const mode = call.state.responseCache ?? (bypass?.(call) ? "bypass" : undefined);
    if (mode === "bypass") return next();
    const key = keyOf(call.request);
    if (mode !== "refresh") {
      // A store that cannot be read is a miss: a cache outage must not fail the model call.
      const stored = await Promise.resolve()
        .then(() => store.get(key))
        .catch(() => undefined);
      if (stored) return replay(call, stored);
      // Identical calls already running: wait for one to answer. A failed one hands over to the next waiter.
      for (let flight = inFlight.get(key); flight; flight = inFlight.get(key)) {
        const shared = await waitFor(flight, call.signal);
        if (shared) return replay(call, shared);
      }
    }
    return lead(call, next, key, mode === "refresh");
  }

  async function lead(call: ModelCall, next: ModelNext, key: string, refresh: boolean): Promise<ModelResult> {
    let settle!: (entry: CacheEntry | undefined) => void;
    const flight = new Promise<CacheEntry | undefined>((resolve) => (settle = resolve));
    inFlight.set(key, flight);
    const settleFlight = (entry: CacheEntry | undefined) => {
      if (inFlight.get(key) === flight) inFlight.delete(key);
      settle(entry);
    };

    // A store shared by several processes: one call across all of them (the others wait for its answer).
    let lease: CacheLease | undefined;
    if (store.claim && !refresh) {
      let claim: CacheClaim | undefined;
      try {
        claim = await store.claim(key, { signal: call.signal });
      } catch (error) {
        if (call.signal.aborted) {
          settleFlight(undefined);
          throw error;
        }
        claim = undefined; // the store is unreachable: call the model without coordination
      }
      if (claim?.entry) {
        settleFlight(claim.entry);
        return replay(call, claim.entry);
      }
      lease = claim?.lease;
    }

    const finish = (response: ModelResponse | undefined, events?: ConverseStreamOutput[]) => {
      if (!response) {
        settleFlight(undefined);
        if (lease) void lease.release().catch(() => undefined);
        return;
      }
      const entry = deepFreeze<CacheEntry>({ response, ...(events && { events }), storedAt: Date.now() });
      const keep = cacheable.has(String(response.stopReason));
      // A store that fails must not fail the call: the answer is still good.
      if (lease) void lease.complete(entry, keep ? ttlMs : undefined).catch(() => undefined);
      else if (keep) {
        Promise.resolve()
          .then(() => store.set(key, entry, ttlMs))
          .catch(() => undefined);
      }
      settleFlight(entry);
    };

    // A stream read to the end is stored with its events; failed or abandoned midway, nothing is stored or shared.
    const events: ConverseStreamOutput[] = [];
    return ModelResult.observeCall(next(), {
      onEvent: (event) => events.push(event),
      onResponse: (response) => finish(response, events),
      onError: () => finish(undefined),
      onAbandon: () => finish(undefined),
    });
  }

  return { name: "response-cache", model: responseCache };
}

/** Waits for a shared call, unless this call is aborted first. */
function waitFor(flight: Promise<CacheEntry | undefined>, signal: AbortSignal): Promise<CacheEntry | undefined> {
  if (signal.aborted) return Promise.reject(new AbortError("Aborted while waiting for an identical call to answer.", { cause: signal.reason }));
  if (!canAbort(signal)) return flight;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new AbortError("Aborted while waiting for an identical call to answer.", { cause: signal.reason }));
    signal.addEventListener("abort", onAbort, { once: true });
    flight.then((entry) => {
      signal.removeEventListener("abort", onAbort);
      resolve(entry);
    });
  });
}

function replay(call: ModelCall, entry: CacheEntry): ModelResult {
  call.state.responseCacheHit = true;
  return ModelResult.fromResponse(entry.response, entry.events);
}

function checkStore(store: unknown): asserts store is CacheStore {
  const candidate = store as Partial<CacheStore> | null;
  if (!candidate || typeof candidate.get !== "function" || typeof candidate.set !== "function" || typeof candidate.delete !== "function") {
    throw new ConfigurationError(`${owner}: store must have get(key), set(key, entry, ttlMs) and delete(key) methods.`);
  }
  if (candidate.claim !== undefined && typeof candidate.claim !== "function") {
    throw new ConfigurationError(`${owner}: store.claim must be a function (key, { signal }) => Promise<{ entry } | { lease }>, or absent.`);
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
