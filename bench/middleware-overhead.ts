/**
 * In-process cost of the built-in middleware, with a scripted model (no HTTP): the time of one
 * agent turn with no middleware against all built-ins in the recommended order, and the latency
 * of a response-cache hit (through the model pipeline alone, non-streaming and streamed, and as
 * a whole agent turn).
 *
 * Run: npx tsx --conditions=development bench/middleware-overhead.ts
 */
import { fileURLToPath } from "node:url";
import { Agent, createModelPipeline, type Logger, type Middleware, type ModelCall, type ModelMiddleware } from "@sluice/core";
import { benchModelId as modelId, ConstantModel } from "./constant-model.js";
import { formatTable, median, microsecondsSince, percentile } from "./stats.js";
import {
  contextOverflowMiddleware,
  loggingMiddleware,
  promptCachingMiddleware,
  responseCacheMiddleware,
  retryMiddleware,
  timeoutMiddleware,
  tracingMiddleware,
  usageMiddleware,
} from "@sluice/middleware";
import { modelCall } from "@sluice/core/testing";

/** A logger that drops records after they were built, so the cost of building them counts. */
const droppingLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** Every built-in, in the order docs/middleware.md recommends. */
export function allBuiltIns(): Middleware[] {
  return [
    tracingMiddleware(),
    loggingMiddleware({ logger: droppingLogger }),
    responseCacheMiddleware(),
    usageMiddleware({ limits: { maxModelCalls: 50, maxTotalTokens: 1_000_000 }, prices: { [modelId]: { inputPerMillion: 0.8, outputPerMillion: 4 } } }),
    contextOverflowMiddleware(),
    promptCachingMiddleware(),
    retryMiddleware(),
    timeoutMiddleware({ deadlineMs: 60_000, idleTimeoutMs: 10_000 }),
  ];
}

async function perTurn(middleware: () => Middleware[], turns: number, offset: number): Promise<number[]> {
  const samples: number[] = [];
  let agent = new Agent({ modelId, model: new ConstantModel(), middleware: middleware() });
  for (let turn = 0; turn < turns; turn += 1) {
    if (turn % 10 === 0) agent = new Agent({ modelId, model: new ConstantModel(), middleware: middleware() });
    const start = process.hrtime.bigint();
    // A different question every turn: the response cache misses, as it mostly would.
    await agent.send(`Question ${offset + turn}?`);
    samples.push(microsecondsSince(start));
  }
  return samples;
}

function cachedCall(streaming: boolean): ModelCall {
  return modelCall({
    request: { modelId, system: [{ text: "Be brief." }], messages: [{ role: "user", content: [{ text: "What is a sluice?" }] }] },
    streaming,
    runId: "bench",
  });
}

async function cacheHits(streaming: boolean, count: number): Promise<number[]> {
  const pipeline = createModelPipeline([responseCacheMiddleware().model as ModelMiddleware], new ConstantModel());
  await (await pipeline(cachedCall(streaming))).response(); // store the answer
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const start = process.hrtime.bigint();
    const result = await pipeline(cachedCall(streaming));
    if (streaming) for await (const _event of result) void _event;
    else await result.response();
    samples.push(microsecondsSince(start));
  }
  return samples;
}

async function agentCacheHits(count: number): Promise<number[]> {
  const cache = responseCacheMiddleware();
  await new Agent({ modelId, model: new ConstantModel(), middleware: [cache] }).send("What is a sluice?");
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const agent = new Agent({ modelId, model: new ConstantModel(), middleware: [cache] });
    const start = process.hrtime.bigint();
    await agent.send("What is a sluice?");
    samples.push(microsecondsSince(start));
  }
  return samples;
}

export interface MiddlewareOverheadResult {
  noMiddlewareMedianMicroseconds: number;
  allBuiltInsMedianMicroseconds: number;
  allBuiltInsP95Microseconds: number;
  overheadMedianMicroseconds: number;
  cacheHitMedianMicroseconds: number;
  cacheHitStreamedMedianMicroseconds: number;
  cacheHitAgentTurnMedianMicroseconds: number;
}

export async function runMiddlewareOverheadBenchmark(rounds = 5): Promise<MiddlewareOverheadResult> {
  await perTurn(allBuiltIns, 3_000, 0); // warm up the JIT
  await perTurn(() => [], 3_000, 0);
  const none: number[] = [];
  const all: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    // Interleave the two variants so machine noise hits both alike.
    none.push(...(await perTurn(() => [], 3_000, round * 10_000)));
    all.push(...(await perTurn(allBuiltIns, 3_000, round * 10_000)));
  }
  await cacheHits(false, 5_000);
  await cacheHits(true, 5_000);
  const hits: number[] = [];
  const streamedHits: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    hits.push(...(await cacheHits(false, 5_000)));
    streamedHits.push(...(await cacheHits(true, 5_000)));
  }
  const agentHits = await agentCacheHits(10_000);
  return {
    noMiddlewareMedianMicroseconds: median(none),
    allBuiltInsMedianMicroseconds: median(all),
    allBuiltInsP95Microseconds: percentile(all, 95),
    overheadMedianMicroseconds: median(all) - median(none),
    cacheHitMedianMicroseconds: median(hits),
    cacheHitStreamedMedianMicroseconds: median(streamedHits),
    cacheHitAgentTurnMedianMicroseconds: median(agentHits.slice(1_000)),
  };
}

export function formatMiddlewareOverhead(result: MiddlewareOverheadResult): string {
  return formatTable(
    ["measure", "value", "target"],
    [
      ["agent turn, no middleware (median µs)", result.noMiddlewareMedianMicroseconds, ""],
      ["agent turn, all 8 built-ins (median µs)", result.allBuiltInsMedianMicroseconds, ""],
      ["agent turn, all 8 built-ins (p95 µs)", result.allBuiltInsP95Microseconds, ""],
      ["cost of the built-ins per turn (median µs)", result.overheadMedianMicroseconds, ""],
      ["response-cache hit, pipeline, non-streaming (median µs)", result.cacheHitMedianMicroseconds, "≤ 50"],
      ["response-cache hit, pipeline, streamed replay (median µs)", result.cacheHitStreamedMedianMicroseconds, "≤ 50"],
      ["response-cache hit, whole agent turn (median µs)", result.cacheHitAgentTurnMedianMicroseconds, ""],
    ],
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(formatMiddlewareOverhead(await runMiddlewareOverheadBenchmark()));
}
