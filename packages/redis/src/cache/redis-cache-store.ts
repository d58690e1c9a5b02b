import { randomBytes } from "node:crypto";
import { AbortError, StoreDataError } from "@sluice/core";
import { decodeCacheEntry, encodeCacheEntry, type CacheClaim, type CacheClaimOptions, type CacheEntry, type CacheStore } from "@sluice/middleware";
import { checkClient, checkOptions, integerOption, stringOption } from "../shared/check-options.js";
import { LuaScript } from "../shared/lua-script.js";
import type { RedisClient } from "../shared/redis-client.js";
import { redisCommand, type CommandContext } from "../shared/redis-command.js";
import { FlightMessages } from "./flight-messages.js";
import { RedisCacheLease, type FlightKeys } from "./redis-cache-lease.js";

/** Options of `RedisCacheStore`. */
export interface RedisCacheStoreOptions {
  /** A connected node-redis client (Sluice never closes it). */
  client: RedisClient;
  /** Prepended to every Redis key the store writes. Default `sluice:cache:`. */
  prefix?: string;
  /**
   * How long the lock of a call in progress lasts without being extended. The holder extends it
   * every third of this while the model call runs; if the holder dies, a waiting process takes
   * over within this time. Default 10,000 ms.
   */
  lockTtlMs?: number;
  /** The longest a caller waits for another process's answer before calling the model itself. Default 120,000 ms. */
  maxWaitMs?: number;
  /** How long a command may wait for a connection before it fails unsent. Default 5,000 ms. */
  commandTimeoutMs?: number;
}

const owner = "RedisCacheStore";

// One round trip for a waiter: the stored answer if there is one, else the lock if it is free,
// else how long the current holder's lock has left.
const claimScript = new LuaScript(`
local entry = redis.call('GET', KEYS[1])
if entry then return {1, entry} end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {2, ''} end
return {3, tostring(redis.call('PTTL', KEYS[2]))}
`);

/**
 * The response cache's store on Redis, shared by every process using the same Redis and prefix,
 * with single-flight across processes: for identical concurrent requests, one process calls the
 * model (holding a lock it keeps extending) while the others wait for its answer on a pub/sub
 * channel, so the model is called once. If the holder fails, one waiter takes over at once; if it
 * dies, when its lock expires (`lockTtlMs`). Entries expire after the response cache's `ttlMs`.
 * Call `close()` at shutdown to close the pub/sub connection the store opened.
 *
 * @example
 * const client = await createClient({ url: process.env.REDIS_URL }).connect();
 * const cache = responseCacheMiddleware({ store: new RedisCacheStore({ client }), ttlMs: 3_600_000 });
 */
export class RedisCacheStore implements CacheStore {
  private readonly client: RedisClient;
  private readonly prefix: string;
  private readonly lockTtlMs: number;
  private readonly maxWaitMs: number;
  private readonly timeoutMs: number;
  private readonly messages: FlightMessages;

  constructor(options: RedisCacheStoreOptions) {
    checkOptions(owner, options, ["client", "prefix", "lockTtlMs", "maxWaitMs", "commandTimeoutMs"]);
    checkClient(owner, options.client);
    this.client = options.client;
    this.prefix = stringOption(owner, "prefix", options.prefix, "sluice:cache:");
    this.lockTtlMs = integerOption(owner, "lockTtlMs", options.lockTtlMs, 10_000, 10);
    this.maxWaitMs = integerOption(owner, "maxWaitMs", options.maxWaitMs, 120_000, 0);
    this.timeoutMs = integerOption(owner, "commandTimeoutMs", options.commandTimeoutMs, 5_000);
    this.messages = new FlightMessages(this.client, owner);
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    const text = await redisCommand(this.client, ["GET", this.keys(key).entry], this.context("get", key));
    return text === null || text === undefined ? undefined : this.decode(key, String(text));
  }

  async set(key: string, entry: CacheEntry, ttlMs: number): Promise<void> {
    await redisCommand(this.client, ["SET", this.keys(key).entry, encodeCacheEntry(entry), "PX", String(ttlMs)], this.context("set", key));
  }

  async delete(key: string): Promise<void> {
    await redisCommand(this.client, ["DEL", this.keys(key).entry], this.context("delete", key));
  }

  async claim(key: string, options: CacheClaimOptions): Promise<CacheClaim> {
    const { signal } = options;
    const keys = this.keys(key);
    const context = this.context("claim", key);
    const token = randomBytes(16).toString("hex");
    const deadline = Date.now() + this.maxWaitMs;
    const inbox = await this.messages.listen(keys.channel);
    try {
      for (;;) {
        if (signal.aborted) throw new AbortError("Aborted while waiting for another process to answer an identical call.", { cause: signal.reason });
        const [kind, value] = (await claimScript.run(this.client, [keys.entry, keys.lock], [token, String(this.lockTtlMs)], context)) as [number, string];
        if (kind === 1) return { entry: this.decode(key, value) };
        if (kind === 2) return { lease: new RedisCacheLease(this.client, keys, token, this.lockTtlMs, context) };
        // Someone holds the lock: wait for its announcement, or until its lock would have expired.
        const left = deadline - Date.now();
        if (left <= 0) return { lease: new RedisCacheLease(this.client, keys, undefined, this.lockTtlMs, context) };
        const lockLeft = Number(value) > 0 ? Number(value) + 5 : 5;
        const message = await inbox.next(Math.min(lockLeft, left), signal);
        if (message?.kind === "done") return { entry: this.decode(key, message.entryText) };
        // "released", a timeout or an abort: look again (the abort is reported at the top).
      }
    } finally {
      await inbox.close();
    }
  }

  /** Closes the pub/sub connection opened for waiting (the client passed in stays open). */
  async close(): Promise<void> {
    await this.messages.close();
  }

  private keys(key: string): FlightKeys {
    // The hash tag keeps a key's entry and lock in one slot, so the scripts also run on Redis Cluster.
    return { entry: `${this.prefix}entry:{${key}}`, lock: `${this.prefix}lock:{${key}}`, channel: `${this.prefix}flight:{${key}}` };
  }

  private context(operation: string, key: string): CommandContext {
    return { store: owner, operation, key, timeoutMs: this.timeoutMs };
  }

  private decode(key: string, text: string): CacheEntry {
    let entry: CacheEntry;
    try {
      entry = decodeCacheEntry(text);
    } catch (error) {
      throw new StoreDataError(owner, key, `${owner}: the cache entry for "${key}" is not JSON that Sluice wrote. Delete it (or let it expire) to use the key again.`, error);
    }
    if (typeof entry !== "object" || entry === null || typeof entry.response !== "object" || entry.response === null || typeof entry.storedAt !== "number") {
      throw new StoreDataError(owner, key, `${owner}: the cache entry for "${key}" is not a cache entry (no response or storedAt). Delete it (or let it expire) to use the key again.`);
    }
    return entry;
  }
}
