/**
 * In-process overhead of Sluice's agent loop and middleware pipeline, with a scripted model (no
 * HTTP): per-turn time with 0 and 5 no-op middlewares, and per-turn time at turn ~10 against turn
 * ~1,000 of one conversation.
 *
 * Run alone: npx tsx --conditions=development bench/core-pipeline.ts (pnpm bench runs it as scenario d)
 */
import { fileURLToPath } from "node:url";
import { Agent, type ModelMiddleware } from "@sluice/core";
import { benchModelId as modelId, ConstantModel } from "./constant-model.js";
import { formatTable, median, microsecondsSince, percentile } from "./stats.js";

const noOp: ModelMiddleware = function noOp(_call, next) {
  return next();
};

async function perTurn(middlewareCount: number, turns: number, conversationLength: number): Promise<number[]> {
  const samples: number[] = [];
  const middleware = Array.from({ length: middlewareCount }, () => noOp);
  let agent = new Agent({ modelId, model: new ConstantModel(), middleware });
  for (let turn = 0; turn < turns; turn += 1) {
    if (turn % conversationLength === 0) agent = new Agent({ modelId, model: new ConstantModel(), middleware });
    const start = process.hrtime.bigint();
    await agent.send("What is the answer?");
    samples.push(microsecondsSince(start));
  }
  return samples;
}

async function longConversation(turns: number): Promise<number[]> {
  const agent = new Agent({ modelId, model: new ConstantModel() });
  const samples: number[] = [];
  for (let turn = 0; turn < turns; turn += 1) {
    const start = process.hrtime.bigint();
    await agent.send(`Question number ${turn}`);
    samples.push(microsecondsSince(start));
  }
  return samples;
}

export interface CorePipelineResult {
  zeroMiddlewareMedianMicroseconds: number;
  fiveMiddlewareMedianMicroseconds: number;
  fiveMiddlewareP95Microseconds: number;
  turn10MedianMicroseconds: number;
  turn1000MedianMicroseconds: number;
  turn1000ToTurn10Ratio: number;
}

export async function runCorePipelineBenchmark(rounds = 5): Promise<CorePipelineResult> {
  await perTurn(5, 5_000, 10); // warm up the JIT
  const zero: number[] = [];
  const five: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    // Interleave the two variants so machine noise hits both alike.
    zero.push(...(await perTurn(0, 4_000, 10)));
    five.push(...(await perTurn(5, 4_000, 10)));
  }
  const early: number[] = [];
  const late: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const samples = await longConversation(1_000);
    early.push(...samples.slice(5, 15));
    late.push(...samples.slice(990, 1_000));
  }
  const turn10 = median(early);
  const turn1000 = median(late);
  return {
    zeroMiddlewareMedianMicroseconds: median(zero),
    fiveMiddlewareMedianMicroseconds: median(five),
    fiveMiddlewareP95Microseconds: percentile(five, 95),
    turn10MedianMicroseconds: turn10,
    turn1000MedianMicroseconds: turn1000,
    turn1000ToTurn10Ratio: turn1000 / turn10,
  };
}

/** The figures as table rows: measure, value, target (empty when there is none). */
export function corePipelineRows(result: CorePipelineResult): Array<[measure: string, value: number, target: string]> {
  return [
    ["per turn, 0 middlewares (median µs)", result.zeroMiddlewareMedianMicroseconds, ""],
    ["per turn, 5 no-op middlewares (median µs)", result.fiveMiddlewareMedianMicroseconds, "≤ 20"],
    ["per turn, 5 no-op middlewares (p95 µs)", result.fiveMiddlewareP95Microseconds, ""],
    ["turn ~10 of one conversation (median µs)", result.turn10MedianMicroseconds, ""],
    ["turn ~1,000 of one conversation (median µs)", result.turn1000MedianMicroseconds, ""],
    ["turn 1,000 / turn 10", result.turn1000ToTurn10Ratio, "≤ 1.2"],
  ];
}

export function formatCorePipeline(result: CorePipelineResult): string {
  return formatTable(["measure", "value", "target"], corePipelineRows(result));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await runCorePipelineBenchmark();
  console.log(formatCorePipeline(result));
}
