/**
 * The issue's targets for Sluice, checked against a run's figures. Reported, never asserted:
 * a missed target is a finding to explain, not a failing test.
 */
import type { AgentRunsCell } from "../suites/agent-runs.js";
import { formatNumber, formatRatioRange } from "../stats.js";
import type { BenchmarkResults } from "./results.js";

export interface TargetCheck {
  scenario: string;
  target: string;
  measured: string;
  /** True when met, false when missed, undefined when not measured in this run. */
  met: boolean | undefined;
}

const peers = ["strands", "ai-sdk", "langchain"];

function cellOf(results: BenchmarkResults, key: string, streaming: boolean, concurrency: number): AgentRunsCell | undefined {
  return results.agentRuns?.cells.find((cell) => cell.contender === key && cell.streaming === streaming && cell.concurrency === concurrency);
}

export function checkTargets(results: BenchmarkResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const concurrency = results.agentRuns?.options.concurrency ?? 20;
  for (const streaming of [false, true]) {
    for (const level of [1, concurrency]) {
      const sluice = cellOf(results, "sluice", streaming, level);
      const name = `(a) ${streaming ? "streamed" : "not streamed"}, ${level === 1 ? "sequential" : `concurrency ${level}`}`;
      for (const [key, label] of [["sluice", "a fresh agent per run"], ["sluice-reused", "agents reused"]] as const) {
        const cell = cellOf(results, key, streaming, level);
        if (cell === undefined && key === "sluice-reused") continue;
        checks.push({
          scenario: name,
          target: `Sluice (${label}) ≤ 1.05× the keep-alive floor per run (median) and in client CPU`,
          measured:
            cell === undefined
              ? "not run"
              : `${formatNumber(cell.ratioToFloor)}× (rounds ${formatRatioRange(cell.ratioRange)}); client CPU ${formatNumber(cell.cpuRatioToFloor)}×`,
          met: cell === undefined ? undefined : cell.ratioToFloor <= 1.05 && cell.cpuRatioToFloor <= 1.05,
        });
      }
      const control = cellOf(results, "raw-http1-control", streaming, level);
      if (control !== undefined) {
        checks.push({
          scenario: name,
          target: "A/A control (the floor again, in other processes) within 5% of the floor: the run can resolve the target",
          measured: `${formatNumber(control.ratioToFloor)}× (rounds ${formatRatioRange(control.ratioRange)}); client CPU ${formatNumber(control.cpuRatioToFloor)}×`,
          met: Math.abs(control.ratioToFloor - 1) <= 0.05 && Math.abs(control.cpuRatioToFloor - 1) <= 0.05,
        });
      }
      const peerCells = peers.map((key) => cellOf(results, key, streaming, level)).filter((cell) => cell !== undefined);
      if (sluice !== undefined && peerCells.length > 0) {
        const best = peerCells.reduce((low, cell) => (cell.ratioToFloor < low.ratioToFloor ? cell : low));
        checks.push({
          scenario: name,
          target: "Sluice the lowest of all frameworks",
          measured: `Sluice ${formatNumber(sluice.ratioToFloor)}×, next ${best.contender} ${formatNumber(best.ratioToFloor)}×`,
          met: sluice.ratioToFloor < best.ratioToFloor,
        });
      }
    }
  }
  const sluiceConversation = results.longConversation?.rows.find((row) => row.contender === "sluice");
  checks.push({
    scenario: "(b) 1,000-turn conversation",
    target: "Sluice at turns 901–1,000 ≤ 1.1× the raw loop",
    measured: sluiceConversation === undefined ? "not run" : `${formatNumber(sluiceConversation.lateRatioToFloor)}×`,
    met: sluiceConversation === undefined ? undefined : sluiceConversation.lateRatioToFloor <= 1.1,
  });
  const sluiceMemory = results.idleMemory?.rows.find((row) => row.contender === "sluice");
  const agents = results.idleMemory?.options.agents ?? 10_000;
  checks.push(atMost(`(c) ${agents.toLocaleString("en")} idle agents`, "≤ 200 MB", sluiceMemory?.retainedBytes, 200e6, (bytes) => `${formatNumber(bytes / 1e6)} MB`));
  const pipeline = results.corePipeline;
  checks.push(atMost("(d) pipeline, 5 middlewares", "≤ 20 µs per turn", pipeline?.fiveMiddlewareMedianMicroseconds, 20, (value) => `${formatNumber(value)} µs`));
  checks.push(atMost("(d) pipeline, turn 1,000 vs turn 10", "≤ 1.2×", pipeline?.turn1000ToTurn10Ratio, 1.2, (ratio) => `${formatNumber(ratio)}×`));
  const overhead = results.middlewareOverhead;
  checks.push(
    atMost(
      "(d) response-cache hit",
      "≤ 50 µs median",
      overhead && Math.max(overhead.cacheHitMedianMicroseconds, overhead.cacheHitStreamedMedianMicroseconds),
      50,
      () => `${formatNumber(overhead!.cacheHitMedianMicroseconds)} µs (streamed ${formatNumber(overhead!.cacheHitStreamedMedianMicroseconds)} µs)`,
    ),
  );
  const converse = results.emulatorThroughput?.rows.find((row) => row.operation === "Converse");
  checks.push({
    scenario: "(e) emulator throughput",
    target: "≥ 5,000 req/s",
    measured: converse === undefined ? "not run" : `${Math.round(converse.requestsPerSecond).toLocaleString("en")} req/s (Converse)`,
    met: converse === undefined ? undefined : converse.requestsPerSecond >= 5_000,
  });
  const stores = results.sharedStores?.skipped === undefined ? results.sharedStores : undefined;
  const storesNotMeasured = results.sharedStores?.skipped ? "Redis not reachable" : "not run";
  checks.push(
    atMost(
      "(g) Redis response-cache hit",
      "≤ 1,000 µs median",
      stores && Math.max(stores.cacheHitMedianMicroseconds ?? Infinity, stores.cacheHitStreamedMedianMicroseconds ?? Infinity),
      1_000,
      () => `${formatNumber(stores!.cacheHitMedianMicroseconds ?? Number.NaN)} µs (streamed ${formatNumber(stores!.cacheHitStreamedMedianMicroseconds ?? Number.NaN)} µs)`,
      storesNotMeasured,
    ),
  );
  checks.push(
    atMost("(g) rate-limiter check", "≤ 1,000 µs median", stores && (stores.rateLimitCheckMedianMicroseconds ?? Infinity), 1_000, () => `${formatNumber(stores!.rateLimitCheckMedianMicroseconds ?? Number.NaN)} µs`, storesNotMeasured),
  );
  const workflow = results.workflowSteps;
  checks.push(
    atMost(
      "(f) workflow step",
      "≤ 10 µs per step",
      workflow && Math.max(workflow.overhead10Microseconds, workflow.overhead100Microseconds, workflow.functionStep10Microseconds, workflow.functionStep100Microseconds),
      10,
      () =>
        `${formatNumber(workflow!.overhead10Microseconds)} µs per agent step (100 steps: ${formatNumber(workflow!.overhead100Microseconds)} µs); function step ${formatNumber(workflow!.functionStep10Microseconds)} µs`,
    ),
  );
  checks.push(atMost("(f) workflow step, 100 steps vs 10", "≤ 1.2× per step", workflow?.hundredToTenRatio, 1.2, (ratio) => `${formatNumber(ratio)}×`));
  const durable = results.durableSteps?.skipped === undefined ? results.durableSteps : undefined;
  const durableNotMeasured = results.durableSteps?.skipped ? "PostgreSQL not reachable" : "not run";
  checks.push(atMost("(h) durable step on DBOS", "≤ 5 ms median", durable && (durable.stepMedianMilliseconds ?? Infinity), 5, () => `${formatNumber(durable!.stepMedianMilliseconds ?? Number.NaN)} ms`, durableNotMeasured));
  checks.push(
    atMost(
      "(h) durability per agent call",
      "≤ 15 ms",
      durable && (durable.agentOverheadPerStepMilliseconds ?? Infinity),
      15,
      () =>
        `${formatNumber(durable!.agentOverheadPerStepMilliseconds ?? Number.NaN)} ms (run ${formatNumber(durable!.durableRunMedianMilliseconds ?? Number.NaN)} ms against ${formatNumber(durable!.plainRunMedianMilliseconds ?? Number.NaN)} ms)`,
      durableNotMeasured,
    ),
  );
  const core = results.importTimes?.rows.find((row) => row.entry === "@sluice/core");
  checks.push(atMost("(i) import of @sluice/core", "≤ 1.15× the AWS SDK client's import", core?.ratioToSdk, 1.15, (ratio) => `${formatNumber(ratio)}× (${formatNumber(core!.medianMs)} ms)`));
  const mcp = results.mcpToolCalls;
  checks.push(atMost("(j) MCP tool call over stdio", "≤ 1,000 µs added per call (median)", mcp?.stdioOverheadMicroseconds, 1_000, (value) => `${formatNumber(value)} µs`));
  checks.push(atMost("(j) MCP tool call over streamable HTTP", "≤ 2,000 µs added per call (median)", mcp?.httpOverheadMicroseconds, 2_000, (value) => `${formatNumber(value)} µs`));
  return checks;
}

/** A target met when `value` is at most `limit`; `notMeasured` is what to say when there is no value. */
function atMost(scenario: string, target: string, value: number | undefined, limit: number, describe: (value: number) => string, notMeasured = "not run"): TargetCheck {
  if (value === undefined) return { scenario, target, measured: notMeasured, met: undefined };
  return { scenario, target, measured: describe(value), met: value <= limit };
}
