/**
 * In-process overhead of a workflow step, with a scripted model (no HTTP): a workflow of N agent
 * steps (each a fresh agent, as a factory builds it) against the same N agents called directly,
 * and a workflow of N function steps; at N = 10 and N = 100, to show the cost per step stays
 * flat with the number of steps.
 *
 * Run alone: npx tsx --conditions=development bench/workflow-steps.ts (pnpm bench runs it as scenario f)
 */
import { fileURLToPath } from "node:url";
import { Agent } from "@sluice/core";
import { agentStep, sequence, step, workflow, type AnyStep } from "@sluice/workflows";
import { benchModelId as modelId, ConstantModel } from "./constant-model.js";
import { formatTable, median, microsecondsSince } from "./stats.js";

const model = new ConstantModel();
const newAgent = (): Agent => new Agent({ modelId, model });

function agentWorkflow(steps: number) {
  const list = Array.from({ length: steps }, (_, index) => agentStep({ name: `ask-${index}`, agent: newAgent, prompt: () => "What is the answer?" })) as unknown as [AnyStep];
  return workflow({ name: "agents", steps: sequence(...list) as AnyStep });
}

function functionWorkflow(steps: number) {
  const list = Array.from({ length: steps }, (_, index) => step({ name: `add-${index}`, run: (value: number) => value + 1 })) as unknown as [AnyStep];
  return workflow({ name: "numbers", steps: sequence(...list) as AnyStep });
}

/** Microseconds per step of each of `runs` runs of a workflow of `steps` steps. */
async function perStep(run: () => Promise<unknown>, steps: number, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(microsecondsSince(start) / steps);
  }
  return samples;
}

/** The same agents called one after another, without a workflow. */
async function direct(steps: number): Promise<void> {
  for (let index = 0; index < steps; index += 1) await newAgent().send("What is the answer?");
}

export interface WorkflowStepsResult {
  /** Median µs per step of a workflow of 10 / 100 function steps. */
  functionStep10Microseconds: number;
  functionStep100Microseconds: number;
  /** Median µs per agent step in a workflow, and per direct agent call, at 10 and 100 steps. */
  agentStep10Microseconds: number;
  agentStep100Microseconds: number;
  directAgent10Microseconds: number;
  directAgent100Microseconds: number;
  /** What the workflow adds per agent step (workflow minus direct). */
  overhead10Microseconds: number;
  overhead100Microseconds: number;
  /** Per-step time of a 100-step workflow over a 10-step one (function steps). */
  hundredToTenRatio: number;
}

export async function runWorkflowStepsBenchmark(rounds = 5): Promise<WorkflowStepsResult> {
  const agents10 = agentWorkflow(10);
  const agents100 = agentWorkflow(100);
  const numbers10 = functionWorkflow(10);
  const numbers100 = functionWorkflow(100);
  // Warm up the JIT.
  await perStep(() => agents10.run(undefined), 10, 300);
  await perStep(() => direct(10), 10, 300);
  await perStep(() => numbers100.run(0), 100, 300);
  const samples = { f10: [] as number[], f100: [] as number[], a10: [] as number[], a100: [] as number[], d10: [] as number[], d100: [] as number[] };
  for (let round = 0; round < rounds; round += 1) {
    // Interleaved, so machine noise hits every variant alike.
    samples.f10.push(...(await perStep(() => numbers10.run(0), 10, 2_000)));
    samples.f100.push(...(await perStep(() => numbers100.run(0), 100, 200)));
    samples.a10.push(...(await perStep(() => agents10.run(undefined), 10, 400)));
    samples.d10.push(...(await perStep(() => direct(10), 10, 400)));
    samples.a100.push(...(await perStep(() => agents100.run(undefined), 100, 40)));
    samples.d100.push(...(await perStep(() => direct(100), 100, 40)));
  }
  const f10 = median(samples.f10);
  const f100 = median(samples.f100);
  return {
    functionStep10Microseconds: f10,
    functionStep100Microseconds: f100,
    agentStep10Microseconds: median(samples.a10),
    agentStep100Microseconds: median(samples.a100),
    directAgent10Microseconds: median(samples.d10),
    directAgent100Microseconds: median(samples.d100),
    overhead10Microseconds: median(samples.a10) - median(samples.d10),
    overhead100Microseconds: median(samples.a100) - median(samples.d100),
    hundredToTenRatio: f100 / f10,
  };
}

/** The figures as table rows: measure, value, target (empty when there is none). */
export function workflowStepsRows(result: WorkflowStepsResult): Array<[measure: string, value: number, target: string]> {
  return [
    ["function step, workflow of 10 (median µs per step)", result.functionStep10Microseconds, "≤ 10"],
    ["function step, workflow of 100 (median µs per step)", result.functionStep100Microseconds, "≤ 10"],
    ["per step, 100 steps / 10 steps", result.hundredToTenRatio, "≤ 1.2"],
    ["agent step in a workflow of 10 (median µs)", result.agentStep10Microseconds, ""],
    ["the same agent called directly (median µs)", result.directAgent10Microseconds, ""],
    ["workflow overhead per agent step, 10 steps (µs)", result.overhead10Microseconds, "≤ 10"],
    ["workflow overhead per agent step, 100 steps (µs)", result.overhead100Microseconds, "≤ 10"],
  ];
}

export function formatWorkflowSteps(result: WorkflowStepsResult): string {
  return formatTable(["measure", "value", "target"], workflowStepsRows(result));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(formatWorkflowSteps(await runWorkflowStepsBenchmark()));
}
