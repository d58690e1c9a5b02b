import type { CacheEntry, CacheLease } from "@sluice/middleware";
import { encodeCacheEntry } from "@sluice/middleware";
import { LuaScript } from "../shared/lua-script.js";
import type { RedisClient } from "../shared/redis-client.js";
import type { CommandContext } from "../shared/redis-command.js";

/** The Redis keys of one cache key. */
export interface FlightKeys {
  entry: string;
  lock: string;
  channel: string;
}

// Each script checks that the lock still holds this lease's token, so a holder whose lock
// expired (and was taken over) can neither extend nor delete the new holder's lock.
const extendScript = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`);
const completeScript = new LuaScript(`
if ARGV[3] ~= '' then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end
redis.call('PUBLISH', KEYS[3], 'done:' .. ARGV[2])
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
return 1
`);
const releaseScript = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  redis.call('PUBLISH', KEYS[2], 'released')
end
return 1
`);

/**
 * The right to call the model for one key across processes: the lock (`SET NX PX` with a random
 * token) is extended every third of its TTL while the call runs, so a slow model call keeps it
 * and a dead process loses it within one TTL. `complete` stores the answer (when it is worth
 * keeping), announces it to the waiters and deletes the lock in one script.
 *
 * @example
 * const lease = new RedisCacheLease(client, keys, token, 10_000, context);
 */
export class RedisCacheLease implements CacheLease {
  private readonly timer: ReturnType<typeof setInterval> | undefined;
  private done = false;

  constructor(
    private readonly client: RedisClient,
    private readonly keys: FlightKeys,
    private readonly token: string | undefined,
    lockTtlMs: number,
    private readonly context: CommandContext,
  ) {
    if (token !== undefined) {
      this.timer = setInterval(() => {
        extendScript.run(client, [keys.lock], [token, String(lockTtlMs)], context).then(
          (extended) => extended === 0 && this.stopExtending(),
          () => undefined, // a missed extension is retried at the next tick; the lock lasts a full TTL
        );
      }, Math.max(1, Math.floor(lockTtlMs / 3)));
      this.timer.unref();
    }
  }

  /** True while this lease holds the lock (false for the fallback lease of a caller that stopped waiting). */
  get held(): boolean {
    return this.token !== undefined && !this.done;
  }

  async complete(entry: CacheEntry, ttlMs: number | undefined): Promise<void> {
    this.stopExtending();
    await completeScript.run(
      this.client,
      [this.keys.entry, this.keys.lock, this.keys.channel],
      [this.token ?? "", encodeCacheEntry(entry), ttlMs === undefined ? "" : String(ttlMs)],
      { ...this.context, operation: "complete" },
    );
  }

  async release(): Promise<void> {
    this.stopExtending();
    if (this.token === undefined) return;
    await releaseScript.run(this.client, [this.keys.lock, this.keys.channel], [this.token], { ...this.context, operation: "release" });
  }

  private stopExtending(): void {
    this.done = true;
    if (this.timer) clearInterval(this.timer);
  }
}
