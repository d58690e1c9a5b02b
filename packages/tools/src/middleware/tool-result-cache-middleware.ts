import { ConfigurationError, type Clock, type MiddlewareObject, type ToolCall, type ToolCallOutcome, type ToolNext, type ToolResultContentBlock } from "@sluice/core";
import { systemClock } from "@sluice/core/internal";
import { LRUCache } from "lru-cache";
import { stringify } from "safe-stable-stringify";

/** A cached successful tool result. */
export interface CachedToolResult {
  readonly content: ToolResultContentBlock[];
}

/**
 * Where cached tool results live; the default keeps them in memory (LRU). Implement it for Redis
 * and the like (results with image bytes need an encoding that keeps bytes).
 *
 * @example
 * const store: ToolResultCacheStore = {
 *   get: async (key) => JSON.parse((await redis.get(key)) ?? "null") ?? undefined,
 *   set: async (key, value, ttlMs) => void (await redis.set(key, JSON.stringify(value), "PX", ttlMs)),
 *   clear: async () => undefined,
 * };
 */
export interface ToolResultCacheStore {
  get(key: string): CachedToolResult | undefined | Promise<CachedToolResult | undefined>;
  set(key: string, value: CachedToolResult, ttlMs: number): void | Promise<void>;
  clear(): void | Promise<void>;
}

/** Options of `toolResultCacheMiddleware`. */
export interface ToolResultCacheOptions {
  /** How long a result stays fresh, in milliseconds. Default 300,000 (5 minutes). */
  ttlMs?: number;
  /** Most results kept by the in-memory store (least recently used go first). Default 500. */
  maxEntries?: number;
  /** Which calls to cache: tool names, or a function of the call. Default: every tool; cache only tools without side effects. */
  tools?: readonly string[] | ((call: ToolCall) => boolean);
  /** A different store (then `maxEntries` and `clock` do not apply). */
  store?: ToolResultCacheStore;
  /** Time source of the in-memory store's TTL. Default: the wall clock. */
  clock?: Clock;
}

/** The cache middleware, with counters and a way to empty it. */
export interface ToolResultCacheMiddleware extends MiddlewareObject {
  readonly stats: { readonly hits: number; readonly misses: number };
  clear(): Promise<void>;
}

/** How long a cached tool result stays fresh by default: 5 minutes. */
export const defaultCacheTtlMs = 300_000;
/** How many results the in-memory cache keeps by default. */
export const defaultCacheEntries = 500;

/**
 * Caches successful tool results by tool name and input (as canonical JSON, so key order does
 * not matter). A hit answers without running the tool; errors are never cached.
 *
 * @example
 * const cache = toolResultCacheMiddleware({ tools: ["get_weather"], ttlMs: 60_000 });
 * const agent = new Agent({ modelId, tools: [weather], middleware: [cache] });
 */
export function toolResultCacheMiddleware(options: ToolResultCacheOptions = {}): ToolResultCacheMiddleware {
  const ttlMs = options.ttlMs ?? defaultCacheTtlMs;
  const maxEntries = options.maxEntries ?? defaultCacheEntries;
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new ConfigurationError(`toolResultCacheMiddleware: ttlMs must be a positive number; got ${String(ttlMs)}.`);
  if (!Number.isInteger(maxEntries) || maxEntries <= 0) {
    throw new ConfigurationError(`toolResultCacheMiddleware: maxEntries must be a positive integer; got ${String(maxEntries)}.`);
  }
  const { tools } = options;
  if (tools !== undefined && typeof tools !== "function" && !Array.isArray(tools)) {
    throw new ConfigurationError("toolResultCacheMiddleware: tools must be an array of tool names or a function (call) => boolean.");
  }
  const store = options.store ?? memoryStore(maxEntries, options.clock ?? systemClock);
  const named = Array.isArray(tools) ? new Set<string>(tools) : undefined;
  const counters = { hits: 0, misses: 0 };

  const cacheable = (call: ToolCall): boolean => {
    if (!call.tool) return false;
    if (named) return named.has(call.name);
    return typeof tools === "function" ? tools(call) : true;
  };

  return {
    name: "tool-result-cache",
    stats: counters,
    clear: async () => {
      await store.clear();
    },
    tool: async function toolResultCache(call: ToolCall, next: ToolNext): Promise<ToolCallOutcome> {
      if (!cacheable(call)) return next();
      const key = cacheKey(call.name, call.input);
      const cached = await store.get(key);
      if (cached) {
        counters.hits += 1;
        return { type: "result", status: "success", content: cached.content.map((block) => ({ ...block }) as ToolResultContentBlock) };
      }
      counters.misses += 1;
      const outcome = await next();
      if (outcome.type === "result" && outcome.status === "success" && !outcome.failure) {
        await store.set(key, { content: outcome.content }, ttlMs);
      }
      return outcome;
    },
  };
}

/**
 * The cache key of a call: tool name plus the input as canonical JSON.
 *
 * @example
 * cacheKey("get_weather", { b: 1, a: 2 }) === cacheKey("get_weather", { a: 2, b: 1 }); // true
 */
export function cacheKey(toolName: string, input: unknown): string {
  return `${toolName}\u0000${stringify(input ?? {}) ?? "null"}`;
}

function memoryStore(maxEntries: number, clock: Clock): ToolResultCacheStore {
  // ttlResolution 0: read the clock on every check, so an injected clock is exact.
  const cache = new LRUCache<string, CachedToolResult>({ max: maxEntries, ttlResolution: 0, perf: { now: () => clock.now() } });
  return {
    get: (key) => cache.get(key),
    set: (key, value, ttl) => {
      cache.set(key, value, { ttl });
    },
    clear: () => cache.clear(),
  };
}
