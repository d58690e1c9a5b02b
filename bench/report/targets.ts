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
  checks.push({
    scenario: `(c) ${agents.toLocaleString("en")} idle agents`,
    target: "≤ 200 MB",
    measured: sluiceMemory === undefined ? "not run" : `${formatNumber(sluiceMemory.retainedBytes / 1e6)} MB`,
    met: sluiceMemory === undefined ? undefined : sluiceMemory.retainedBytes <= 200e6,
  });
  const pipeline = results.corePipeline;
  checks.push({
    scenario: "(d) pipeline, 5 middlewares",
    target: "≤ 20 µs per turn",
    measured: pipeline === undefined ? "not run" : `${formatNumber(pipeline.fiveMiddlewareMedianMicroseconds)} µs`,
    met: pipeline === undefined ? undefined : pipeline.fiveMiddlewareMedianMicroseconds <= 20,
  });
  checks.push({
    scenario: "(d) pipeline, turn 1,000 vs turn 10",
    target: "≤ 1.2×",
    measured: pipeline === undefined ? "not run" : `${formatNumber(pipeline.turn1000ToTurn10Ratio)}×`,
    met: pipeline === undefined ? undefined : pipeline.turn1000ToTurn10Ratio <= 1.2,
  });
  const overhead = results.middlewareOverhead;
  checks.push({
    scenario: "(d) response-cache hit",
    target: "≤ 50 µs median",
    measured: overhead === undefined ? "not run" : `${formatNumber(overhead.cacheHitMedianMicroseconds)} µs (streamed ${formatNumber(overhead.cacheHitStreamedMedianMicroseconds)} µs)`,
    met: overhead === undefined ? undefined : Math.max(overhead.cacheHitMedianMicroseconds, overhead.cacheHitStreamedMedianMicroseconds) <= 50,
  });
  const converse = results.emulatorThroughput?.rows.find((row) => row.operation === "Converse");
  checks.push({
    scenario: "(e) emulator throughput",
    target: "≥ 5,000 req/s",
    measured: converse === undefined ? "not run" : `${Math.round(converse.requestsPerSecond).toLocaleString("en")} req/s (Converse)`,
    met: converse === undefined ? undefined : converse.requestsPerSecond >= 5_000,
  });
  const stores = results.sharedStores;
  const measuredStores = stores !== undefined && stores.skipped === undefined;
  checks.push({
    scenario: "(g) Redis response-cache hit",
    target: "≤ 1,000 µs median",
    measured: !measuredStores ? (stores?.skipped ? "Redis not reachable" : "not run") : `${formatNumber(stores.cacheHitMedianMicroseconds ?? Number.NaN)} µs (streamed ${formatNumber(stores.cacheHitStreamedMedianMicroseconds ?? Number.NaN)} µs)`,
    met: !measuredStores ? undefined : Math.max(stores.cacheHitMedianMicroseconds ?? Infinity, stores.cacheHitStreamedMedianMicroseconds ?? Infinity) <= 1_000,
  });
  checks.push({
    scenario: "(g) rate-limiter check",
    target: "≤ 1,000 µs median",
    measured: !measuredStores ? (stores?.skipped ? "Redis not reachable" : "not run") : `${formatNumber(stores.rateLimitCheckMedianMicroseconds ?? Number.NaN)} µs`,
    met: !measuredStores ? undefined : (stores.rateLimitCheckMedianMicroseconds ?? Infinity) <= 1_000,
  });
  const workflow = results.workflowSteps;
  const worstOverhead = workflow === undefined ? undefined : Math.max(workflow.overhead10Microseconds, workflow.overhead100Microseconds, workflow.functionStep10Microseconds, workflow.functionStep100Microseconds);
  checks.push({
    scenario: "(f) workflow step",
    target: "≤ 10 µs per step",
    measured:
      workflow === undefined
        ? "not run"
        : `${formatNumber(workflow.overhead10Microseconds)} µs per agent step (100 steps: ${formatNumber(workflow.overhead100Microseconds)} µs); function step ${formatNumber(workflow.functionStep10Microseconds)} µs`,
    met: worstOverhead === undefined ? undefined : worstOverhead <= 10,
  });
  checks.push({
    scenario: "(f) workflow step, 100 steps vs 10",
    target: "≤ 1.2× per step",
    measured: workflow === undefined ? "not run" : `${formatNumber(workflow.hundredToTenRatio)}×`,
    met: workflow === undefined ? undefined : workflow.hundredToTenRatio <= 1.2,
  });
  const durable = results.durableSteps;
  const measuredDurable = durable !== undefined && durable.skipped === undefined;
  const notMeasured = durable?.skipped ? "PostgreSQL not reachable" : "not run";
  checks.push({
    scenario: "(h) durable step on DBOS",
    target: "≤ 5 ms median",
    measured: !measuredDurable ? notMeasured : `${formatNumber(durable.stepMedianMilliseconds ?? Number.NaN)} ms`,
    met: !measuredDurable ? undefined : (durable.stepMedianMilliseconds ?? Infinity) <= 5,
  });
  checks.push({
    scenario: "(h) durability per agent call",
    target: "≤ 15 ms",
    measured: !measuredDurable ? notMeasured : `${formatNumber(durable.agentOverheadPerStepMilliseconds ?? Number.NaN)} ms (run ${formatNumber(durable.durableRunMedianMilliseconds ?? Number.NaN)} ms against ${formatNumber(durable.plainRunMedianMilliseconds ?? Number.NaN)} ms)`,
    met: !measuredDurable ? undefined : (durable.agentOverheadPerStepMilliseconds ?? Infinity) <= 15,
  });
  const core = results.importTimes?.rows.find((row) => row.entry === "@sluice/core");
  checks.push({
    scenario: "(i) import of @sluice/core",
    target: "≤ 1.15× the AWS SDK client's import",
    measured: core === undefined ? "not run" : `${formatNumber(core.ratioToSdk)}× (${formatNumber(core.medianMs)} ms)`,
    met: core === undefined ? undefined : core.ratioToSdk <= 1.15,
  });
  const mcp = results.mcpToolCalls;
  checks.push({
    scenario: "(j) MCP tool call over stdio",
    target: "≤ 1,000 µs added per call (median)",
    measured: mcp === undefined ? "not run" : `${formatNumber(mcp.stdioOverheadMicroseconds)} µs`,
    met: mcp === undefined ? undefined : mcp.stdioOverheadMicroseconds <= 1_000,
  });
  checks.push({
    scenario: "(j) MCP tool call over streamable HTTP",
    target: "≤ 2,000 µs added per call (median)",
    measured: mcp === undefined ? "not run" : `${formatNumber(mcp.httpOverheadMicroseconds)} µs`,
    met: mcp === undefined ? undefined : mcp.httpOverheadMicroseconds <= 2_000,
  });
  return checks;
}
