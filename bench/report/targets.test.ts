import { describe, expect, it } from "vitest";
import type { AgentRunsCell } from "../suites/agent-runs.js";
import type { BenchmarkResults } from "./results.js";
import { checkTargets } from "./targets.js";

function cell(contender: string, streaming: boolean, concurrency: number, ratioToFloor: number, cpuRatioToFloor = ratioToFloor): AgentRunsCell {
  return {
    contender,
    streaming,
    concurrency,
    runs: 10,
    failures: 0,
    medianMs: ratioToFloor,
    p95Ms: ratioToFloor,
    clientCpuMs: 1,
    serverCpuMs: 1,
    runsPerSecond: 1,
    roundMediansMs: [ratioToFloor],
    ratioToFloor,
    ratioRange: { min: ratioToFloor, max: ratioToFloor },
    cpuRatioToFloor,
  };
}

function results(sluiceRatio: number, strandsRatio: number): BenchmarkResults {
  const cells = [false, true].flatMap((streaming) =>
    [1, 20].flatMap((concurrency) => [cell("sluice", streaming, concurrency, sluiceRatio), cell("strands", streaming, concurrency, strandsRatio)]),
  );
  return {
    date: "2026-01-01T00:00:00.000Z",
    command: "pnpm bench",
    machine: { cpu: "test", cores: 2, memoryGiB: 1, node: "v20", os: "test", loadAverageAtStart: 0 },
    durationSeconds: 1,
    contenders: [],
    versions: {},
    agentRuns: { options: { runsPerRound: 10, rounds: 1, concurrency: 20, processes: 1, warmupRuns: 0 }, cells, peakRssBytes: {}, skipped: {}, seconds: 1 },
    corePipeline: {
      zeroMiddlewareMedianMicroseconds: 10,
      fiveMiddlewareMedianMicroseconds: 25,
      fiveMiddlewareP95Microseconds: 30,
      turn10MedianMicroseconds: 10,
      turn1000MedianMicroseconds: 11,
      turn1000ToTurn10Ratio: 1.1,
    },
  };
}

describe("checkTargets", () => {
  it("meets the per-run target at 1.05× and misses it above", () => {
    const met = checkTargets(results(1.05, 1.5)).filter((check) => check.target.includes("1.05×"));
    expect(met).toHaveLength(4);
    expect(met.every((check) => check.met === true)).toBe(true);
    const missed = checkTargets(results(1.12, 1.5)).filter((check) => check.target.includes("1.05×"));
    expect(missed.every((check) => check.met === false)).toBe(true);
    expect(missed[0]?.measured).toContain("1.12×");
  });

  it("misses the per-run target when client CPU is above 1.05× even if wall time is not", () => {
    const base = results(1.02, 1.5);
    const cells = base.agentRuns!.cells.map((entry) => (entry.contender === "sluice" ? cell("sluice", entry.streaming, entry.concurrency, 1.02, 1.1) : entry));
    const checks = checkTargets({ ...base, agentRuns: { ...base.agentRuns!, cells } }).filter((check) => check.target.includes("1.05×"));
    expect(checks.every((check) => check.met === false)).toBe(true);
    expect(checks[0]?.measured).toContain("client CPU 1.10×");
  });

  it("checks the reused-agent contender beside the fresh one when it ran", () => {
    const base = results(1.02, 1.5);
    const reused = [false, true].flatMap((streaming) => [1, 20].map((concurrency) => cell("sluice-reused", streaming, concurrency, 1.2)));
    const checks = checkTargets({ ...base, agentRuns: { ...base.agentRuns!, cells: [...base.agentRuns!.cells, ...reused] } }).filter((check) =>
      check.target.includes("agents reused"),
    );
    expect(checks).toHaveLength(4);
    expect(checks.every((check) => check.met === false)).toBe(true);
  });

  it("says whether Sluice is the lowest framework", () => {
    const lowest = checkTargets(results(1.12, 1.5)).filter((check) => check.target.includes("lowest"));
    expect(lowest.every((check) => check.met === true)).toBe(true);
    const beaten = checkTargets(results(1.12, 1.1)).filter((check) => check.target.includes("lowest"));
    expect(beaten.every((check) => check.met === false)).toBe(true);
    expect(beaten[0]?.measured).toContain("strands 1.10×");
  });

  it("marks scenarios that did not run as unmeasured, and checks the pipeline figure", () => {
    const checks = checkTargets(results(1, 2));
    expect(checks.find((check) => check.scenario.startsWith("(b)"))).toMatchObject({ measured: "not run", met: undefined });
    expect(checks.find((check) => check.scenario.startsWith("(d)"))).toMatchObject({ measured: "25.0 µs", met: false });
  });
});
