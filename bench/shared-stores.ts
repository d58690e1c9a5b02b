/**
 * (f) The cost of Sluice's shared state on Redis, per call, against the Redis of this machine:
 * a response-cache hit served from `RedisCacheStore` (through the model pipeline, non-streaming
 * and streamed) and a check of the shared rate limiter (`RedisRateLimiter.acquire` with budget
 * to spare: one Lua script). Skipped, with a note, when Redis does not answer.
 *
 * Run: npx tsx --conditions=development bench/shared-stores.ts (REDIS_URL, default redis://127.0.0.1:6379)
 */
import { fileURLToPath } from "node:url";
import { createModelPipeline, type ModelCall, type ModelMiddleware } from "@sluice/core";
import { responseCacheMiddleware } from "@sluice/middleware";
import { RedisCacheStore, RedisRateLimiter } from "@sluice/redis";
import { createClient } from "redis";
import { benchModelId as modelId, ConstantModel } from "./constant-model.js";
import { formatTable, median, microsecondsSince, percentile } from "./stats.js";
import { modelCall } from "@sluice/core/testing";

export interface SharedStoresResult {
  redisUrl: string;
  /** Why nothing was measured (Redis did not answer). */
  skipped?: string;
  cacheHitMedianMicroseconds?: number;
  cacheHitP95Microseconds?: number;
  cacheHitStreamedMedianMicroseconds?: number;
  rateLimitCheckMedianMicroseconds?: number;
  rateLimitCheckP95Microseconds?: number;
}

function call(streaming: boolean): ModelCall {
  return modelCall({
    request: { modelId, system: [{ text: "Be brief." }], messages: [{ role: "user", content: [{ text: "What is a sluice?" }] }] },
    streaming,
    runId: "bench",
  });
}

async function timed(count: number, action: () => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const start = process.hrtime.bigint();
    await action();
    samples.push(microsecondsSince(start));
  }
  return samples;
}

export async function runSharedStoresBenchmark(rounds = 3, redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"): Promise<SharedStoresResult> {
  const client = createClient({ url: redisUrl, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    return { redisUrl, skipped: `Redis did not answer at ${redisUrl}: ${(error as Error).message}` };
  }
  const prefix = `sluice-bench:${process.pid}:`;
  const store = new RedisCacheStore({ client, prefix: `${prefix}cache:` });
  const limiter = new RedisRateLimiter({ client, prefix: `${prefix}rate:` });
  try {
    const pipeline = createModelPipeline([responseCacheMiddleware({ store }).model as ModelMiddleware], new ConstantModel());
    await (await pipeline(call(false))).response(); // store the answer
    const hit = async (streaming: boolean) => {
      const result = await pipeline(call(streaming));
      if (streaming) for await (const _event of result) void _event;
      else await result.response();
    };
    // A budget far above what the run asks for: every check is granted, so only its cost is measured.
    const check = async () => void (await limiter.acquire("bench", { requestsPerMinute: 100_000_000, tokensPerMinute: 1_000_000_000 }, { requests: 1, tokens: 500 }));
    await timed(1_000, () => hit(false));
    await timed(1_000, check);
    const hits: number[] = [];
    const streamed: number[] = [];
    const checks: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      hits.push(...(await timed(2_000, () => hit(false))));
      streamed.push(...(await timed(2_000, () => hit(true))));
      checks.push(...(await timed(2_000, check)));
    }
    return {
      redisUrl,
      cacheHitMedianMicroseconds: median(hits),
      cacheHitP95Microseconds: percentile(hits, 95),
      cacheHitStreamedMedianMicroseconds: median(streamed),
      rateLimitCheckMedianMicroseconds: median(checks),
      rateLimitCheckP95Microseconds: percentile(checks, 95),
    };
  } finally {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) if (keys.length > 0) await client.del(keys);
    await store.close();
    await client.close();
  }
}

export function formatSharedStores(result: SharedStoresResult): string {
  if (result.skipped !== undefined) return `Not measured: ${result.skipped}.`;
  return formatTable(
    ["measure", "value", "target"],
    [
      ["Redis response-cache hit, pipeline, non-streaming (median µs)", result.cacheHitMedianMicroseconds ?? "", "≤ 1,000"],
      ["Redis response-cache hit, pipeline, non-streaming (p95 µs)", result.cacheHitP95Microseconds ?? "", ""],
      ["Redis response-cache hit, pipeline, streamed replay (median µs)", result.cacheHitStreamedMedianMicroseconds ?? "", "≤ 1,000"],
      ["rate-limiter check, budget to spare (median µs)", result.rateLimitCheckMedianMicroseconds ?? "", "≤ 1,000"],
      ["rate-limiter check, budget to spare (p95 µs)", result.rateLimitCheckP95Microseconds ?? "", ""],
    ],
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(formatSharedStores(await runSharedStoresBenchmark()));
}
