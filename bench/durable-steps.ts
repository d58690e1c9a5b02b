/**
 * (h) The cost of a durable step on DBOS, against the PostgreSQL of this machine: a DBOS workflow
 * of 20 checkpointed no-op steps against one of none (the cost of one step's checkpoint), and an
 * agent run of three durable steps (model call, tool call, model call; scripted model, no HTTP)
 * as a `durableAgent` run against the same agent called directly. Skipped, with a note, when
 * PostgreSQL does not answer.
 *
 * Run alone: npx tsx --conditions=development bench/durable-steps.ts (DBOS_SYSTEM_DATABASE_URL,
 * default postgres://postgres@127.0.0.1:5432/sluice_bench_dbos; DBOS creates the database)
 */
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import { DBOS } from "@dbos-inc/dbos-sdk";
import { Agent, type Model, type ModelRequest, type ModelResponse } from "@sluice/core";
import { durableAgent, durableMiddleware } from "@sluice/dbos";
import { defineTool } from "@sluice/tools";
import { z } from "zod";
import { benchModelId as modelId, constantAnswer } from "./constant-model.js";
import { formatTable, median, millisecondsSince, percentile } from "./stats.js";

export interface DurableStepsResult {
  systemDatabaseUrl: string;
  /** Why nothing was measured (PostgreSQL did not answer). */
  skipped?: string;
  /** One checkpointed step: (workflow of 20 steps − workflow of none) / 20. */
  stepMedianMilliseconds?: number;
  stepP95Milliseconds?: number;
  /** A whole durable agent run (workflow start and end, three steps) and the same run without DBOS. */
  durableRunMedianMilliseconds?: number;
  plainRunMedianMilliseconds?: number;
  /** (durable run − plain run) / 3 steps: what durability adds per model or tool call, workflow bookkeeping included. */
  agentOverheadPerStepMilliseconds?: number;
}

const stepsPerWorkflow = 20;

/** Asks for the tool once, then answers. */
const toolThenAnswer: Model = {
  async converse(request: ModelRequest): Promise<ModelResponse> {
    const last = request.messages?.at(-1);
    if (last?.content?.some((block) => block.toolResult !== undefined)) return constantAnswer;
    return { output: { message: { role: "assistant", content: [{ toolUse: { toolUseId: "tooluse_bench", name: "add", input: { a: 1, b: 2 } } }] } }, stopReason: "tool_use", usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 }, metrics: { latencyMs: 0 } };
  },
  converseStream: () => Promise.reject(new Error("the durable-steps bench does not stream")),
};
const add = defineTool({ name: "add", description: "Adds two numbers.", input: z.object({ a: z.number(), b: z.number() }), handler: ({ a, b }) => String(a + b) });
const newAgent = () => new Agent({ modelId, model: toolThenAnswer, tools: [add], middleware: [durableMiddleware()] });

function reachable(url: string): Promise<string | undefined> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 5432), timeout: 2_000 });
    socket.once("connect", () => (socket.destroy(), resolve(undefined)));
    socket.once("timeout", () => (socket.destroy(), resolve("no answer in 2 s")));
    socket.once("error", (error) => resolve(error.message));
  });
}

async function timed(count: number, action: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const start = process.hrtime.bigint();
    await action();
    samples.push(millisecondsSince(start));
  }
  return samples;
}

/** Launches DBOS in this process (once: DBOS is a process-wide singleton), measures, shuts it down. */
export async function runDurableStepsBenchmark(rounds = 3, systemDatabaseUrl = process.env.DBOS_SYSTEM_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/sluice_bench_dbos"): Promise<DurableStepsResult> {
  const problem = await reachable(systemDatabaseUrl);
  if (problem !== undefined) return { systemDatabaseUrl, skipped: `PostgreSQL did not answer at ${systemDatabaseUrl}: ${problem}` };
  const noop = async () => 1;
  const steps = DBOS.registerWorkflow(async (count: number) => {
    for (let index = 0; index < count; index += 1) await DBOS.runStep(noop, { name: `noop-${index}` });
    return count;
  }, { name: "sluice.bench.steps" });
  const agent = durableAgent({ name: "bench", agent: newAgent });
  DBOS.setConfig({ name: "sluice-bench", systemDatabaseUrl, applicationVersion: "bench-1", logLevel: "error" });
  await DBOS.launch();
  try {
    const workflowOf = (count: number) => async () => (await DBOS.startWorkflow(steps)(count)).getResult();
    await timed(20, workflowOf(stepsPerWorkflow));
    await timed(20, () => agent.run("Add one and two."));
    const perStep: number[] = [];
    const durable: number[] = [];
    const plain: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const empty = median(await timed(50, workflowOf(0)));
      perStep.push(...(await timed(50, workflowOf(stepsPerWorkflow))).map((total) => (total - empty) / stepsPerWorkflow));
      durable.push(...(await timed(50, () => agent.run("Add one and two."))));
      plain.push(...(await timed(50, () => newAgent().send("Add one and two."))));
    }
    const durableRun = median(durable);
    const plainRun = median(plain);
    return {
      systemDatabaseUrl,
      stepMedianMilliseconds: median(perStep),
      stepP95Milliseconds: percentile(perStep, 95),
      durableRunMedianMilliseconds: durableRun,
      plainRunMedianMilliseconds: plainRun,
      agentOverheadPerStepMilliseconds: (durableRun - plainRun) / 3,
    };
  } finally {
    await DBOS.shutdown();
  }
}

export function formatDurableSteps(result: DurableStepsResult): string {
  if (result.skipped !== undefined) return `Not measured: ${result.skipped}.`;
  const ms = (value: number | undefined) => (value === undefined ? "" : value.toFixed(2));
  return formatTable(
    ["measure", "value", "target"],
    [
      ["one checkpointed DBOS step (median ms)", ms(result.stepMedianMilliseconds), "≤ 5"],
      ["one checkpointed DBOS step (p95 ms)", ms(result.stepP95Milliseconds), ""],
      ["durable agent run, 3 steps (median ms)", ms(result.durableRunMedianMilliseconds), ""],
      ["the same agent run without DBOS (median ms)", ms(result.plainRunMedianMilliseconds), ""],
      ["durability per model or tool call, workflow bookkeeping included (ms)", ms(result.agentOverheadPerStepMilliseconds), "≤ 15"],
    ],
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  console.log(formatDurableSteps(await runDurableStepsBenchmark(Number(process.env.ROUNDS ?? 3))));
}
