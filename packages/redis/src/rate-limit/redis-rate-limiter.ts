import { AbortError, ConfigurationError } from "@sluice/core";
import { checkClient, checkOptions, integerOption, stringOption } from "../shared/check-options.js";
import type { RedisClient } from "../shared/redis-client.js";
import type { CommandContext } from "../shared/redis-command.js";
import { RateLimitError } from "../errors/rate-limit-error.js";
import { acquireScript, cancelScript, settleScript } from "./rate-limit-scripts.js";

/** A budget per minute; either may be left out (no limit on it). */
export interface RateLimit {
  requestsPerMinute?: number;
  tokensPerMinute?: number;
  /** The most requests granted at once after a quiet spell. Default `requestsPerMinute` (a whole minute's budget). */
  requestBurst?: number;
  /** The most tokens granted at once after a quiet spell. Default `tokensPerMinute`. */
  tokenBurst?: number;
}

/** Options of `RedisRateLimiter`. */
export interface RedisRateLimiterOptions {
  /** A connected node-redis client (Sluice never closes it). */
  client: RedisClient;
  /** Prepended to every Redis key the limiter writes. Default `sluice:rate:`. */
  prefix?: string;
  /** How long a command may wait for a connection before it fails unsent. Default 5,000 ms. */
  commandTimeoutMs?: number;
}

/** What one call takes from a bucket. */
export interface RateLimitCost {
  requests: number;
  tokens: number;
}

/** Options of `RedisRateLimiter.acquire`. */
export interface AcquireOptions {
  /** `wait` (default) queues the call until the budget allows it; `fail` throws `RateLimitError` at once. */
  whenLimited?: "wait" | "fail";
  /** The longest a call waits before `RateLimitError` (`wait-timeout`). Default 60,000 ms. */
  maxWaitMs?: number;
  /** Aborting gives the place in the queue up and rejects with `AbortError`. */
  signal?: AbortSignal;
}

/** A granted call. */
export interface RateLimitGrant {
  /** The call's arrival number in its bucket (grants follow arrival order). */
  ticket: number;
  /** The grant's number in its bucket: 1 for the first call ever granted, and so on. */
  grant: number;
  /** How long the call waited, in milliseconds. */
  waitedMs: number;
  /** When it was granted, by the Redis server's clock (milliseconds since the epoch). */
  grantedAt: number;
}

const owner = "RedisRateLimiter";
/** A waiter that does not come back within this time loses its place (its process died). */
const livenessMs = 5_000;
/** The longest a waiter sleeps between two looks at the budget (well inside `livenessMs`). */
const longestPollMs = 250;

/**
 * Per-minute budgets of requests and tokens shared by every process using the same Redis and
 * prefix: two token buckets per bucket name, refilled continuously from the Redis server's clock,
 * and a first-come-first-served queue, so a process that polls more often cannot starve the others
 * (a plain shared bucket handed one process 28 grants and another 2 in the same second). Each
 * check is one Lua script, so the total granted never exceeds the budget, however many processes
 * ask at once.
 *
 * @example
 * const limiter = new RedisRateLimiter({ client });
 * await limiter.acquire("reports-api", { requestsPerMinute: 60 }, { requests: 1, tokens: 0 });
 */
export class RedisRateLimiter {
  private readonly client: RedisClient;
  private readonly prefix: string;
  private readonly timeoutMs: number;

  constructor(options: RedisRateLimiterOptions) {
    checkOptions(owner, options, ["client", "prefix", "commandTimeoutMs"]);
    checkClient(owner, options.client);
    this.client = options.client;
    this.prefix = stringOption(owner, "prefix", options.prefix, "sluice:rate:");
    this.timeoutMs = integerOption(owner, "commandTimeoutMs", options.commandTimeoutMs, 5_000);
  }

  /** Takes `cost` from the bucket's budget, waiting in line or failing (by `whenLimited`) while there is none. */
  async acquire(bucket: string, limit: RateLimit, cost: RateLimitCost, options: AcquireOptions = {}): Promise<RateLimitGrant> {
    const { rpm, tpm, capR, capT } = checkLimit(bucket, limit);
    const policy = options.whenLimited ?? "wait";
    const maxWaitMs = options.maxWaitMs ?? 60_000;
    const signal = options.signal;
    const keys = this.keys(bucket);
    const context = this.context("acquire", bucket);
    // A cost above the bucket's capacity could never fit: it waits for a full bucket instead.
    const requests = rpm > 0 ? Math.min(cost.requests, capR) : cost.requests;
    const tokens = tpm > 0 ? Math.min(Math.max(0, Math.ceil(cost.tokens)), capT) : 0;
    const started = Date.now();
    let ticket = "";
    for (;;) {
      if (signal?.aborted) {
        await this.cancel(keys, ticket, context);
        throw new AbortError("Aborted while waiting for the shared rate limit.", { cause: signal.reason });
      }
      const reply = (await acquireScript.run(
        this.client,
        [keys.state, keys.queue, keys.alive],
        [String(rpm), String(tpm), String(capR), String(capT), ticket, String(requests), String(tokens), policy, String(livenessMs)],
        context,
      )) as [number, string, number, number, number, number];
      const [granted, assigned, waitMs, grant, queued, now] = reply;
      ticket = String(assigned);
      if (granted === 1) return { ticket: Number(ticket), grant: Number(grant), waitedMs: Date.now() - started, grantedAt: Number(now) };
      if (policy === "fail") {
        const detail = waitMs > 0 ? describeCost(requests, tokens, rpm, tpm) : `${queued} calls are waiting ahead of it`;
        throw new RateLimitError("over-budget", bucket, Math.max(1, Number(waitMs)), detail);
      }
      const waited = Date.now() - started;
      if (waited >= maxWaitMs) {
        await this.cancel(keys, ticket, context);
        throw new RateLimitError("wait-timeout", bucket, Math.max(1, Number(waitMs)), `${waited} ms`);
      }
      // Budget there but someone is ahead: look again soon. Budget short: sleep until it refills.
      const pause = Number(waitMs) === 0 ? 10 : Math.min(Number(waitMs), longestPollMs);
      await sleep(Math.min(pause, maxWaitMs - waited) + Math.random() * 5, signal);
    }
  }

  /** Corrects the token budget once a call's usage is known: `reserved` were taken, `used` were spent. */
  async settle(bucket: string, limit: RateLimit, reserved: number, used: number): Promise<void> {
    const { rpm, tpm, capR, capT } = checkLimit(bucket, limit);
    if (tpm === 0 || reserved === used) return;
    await settleScript.run(this.client, [this.keys(bucket).state], [String(rpm), String(tpm), String(capR), String(capT), String(reserved - used)], this.context("settle", bucket));
  }

  private async cancel(keys: RateLimitKeys, ticket: string, context: CommandContext): Promise<void> {
    if (ticket === "") return;
    await cancelScript.run(this.client, [keys.queue, keys.alive], [ticket], { ...context, operation: "cancel" }).catch(() => undefined);
  }

  private keys(bucket: string): RateLimitKeys {
    // A hash tag keeps a bucket's keys in one slot, so the scripts also run on Redis Cluster.
    const base = `${this.prefix}{${bucket}}`;
    return { state: `${base}:state`, queue: `${base}:queue`, alive: `${base}:alive` };
  }

  private context(operation: string, bucket: string): CommandContext {
    return { store: owner, operation, key: bucket, timeoutMs: this.timeoutMs };
  }
}

interface RateLimitKeys {
  state: string;
  queue: string;
  alive: string;
}

function checkLimit(bucket: string, limit: RateLimit): { rpm: number; tpm: number; capR: number; capT: number } {
  const read = (name: keyof RateLimit): number => {
    const value = limit[name];
    if (value === undefined) return 0;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
      throw new ConfigurationError(`Rate limit "${bucket}": ${name} must be a whole number of at least 1, got ${JSON.stringify(value)}.`);
    }
    return value;
  };
  const rpm = read("requestsPerMinute");
  const tpm = read("tokensPerMinute");
  return { rpm, tpm, capR: read("requestBurst") || rpm, capT: read("tokenBurst") || tpm };
}

function describeCost(requests: number, tokens: number, rpm: number, tpm: number): string {
  const parts = [rpm > 0 ? `${requests} of ${rpm} requests per minute` : "", tpm > 0 ? `${tokens} of ${tpm} tokens per minute` : ""];
  return `it needs ${parts.filter(Boolean).join(" and ")}`;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
