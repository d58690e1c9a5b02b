/** The two charts of docs/benchmarks.md, drawn from a run's results. */
import { cellOrder } from "../suites/agent-runs.js";
import { type BenchmarkResults, contenderLabel } from "./results.js";
import { renderBarChart } from "./svg-chart.js";

const palette = ["#2e86de", "#54a0ff", "#e67e22", "#f5b041"];

/** Scenario (a): each contender's median run time over the keep-alive floor's, per cell. */
export function agentRunsChart(results: BenchmarkResults): string | undefined {
  const agentRuns = results.agentRuns;
  if (agentRuns === undefined) return undefined;
  const { concurrency } = agentRuns.options;
  const series = cellOrder.map((cell, index) => ({
    name: `${cell.sequential ? "sequential" : `concurrency ${concurrency}`}${cell.streaming ? ", streamed" : ""}`,
    color: palette[index] ?? "#888",
  }));
  const keys = [...new Set(agentRuns.cells.map((cell) => cell.contender))];
  const groups = keys.map((key) => ({
    label: contenderLabel(results, key),
    values: cellOrder.map((cell) => {
      const found = agentRuns.cells.find(
        (candidate) => candidate.contender === key && candidate.streaming === cell.streaming && candidate.concurrency === (cell.sequential ? 1 : concurrency),
      );
      return found?.ratioToFloor ?? Number.NaN;
    }),
  }));
  return renderBarChart({
    title: "Weather agent: time per run over the raw AWS SDK loop (keep-alive)",
    subtitle: `Median of ${agentRuns.cells[0]?.runs ?? 0} runs per bar, ${agentRuns.options.rounds} interleaved rounds; ${results.date.slice(0, 10)}, ${results.machine.cpu}`,
    unit: "×",
    series,
    groups,
    referenceLines: [
      { value: 1, label: "floor 1.0×" },
      { value: 1.05, label: "target 1.05×" },
    ],
  });
}

/** Scenario (b): median time per turn early and late in the 1,000-turn conversation. */
export function longConversationChart(results: BenchmarkResults): string | undefined {
  const conversation = results.longConversation;
  if (conversation === undefined) return undefined;
  const { turns, window } = conversation.options;
  return renderBarChart({
    title: `One ${turns.toLocaleString("en")}-turn conversation, no windowing: time per turn`,
    subtitle: `Median of turns 1–${window} and ${turns - window + 1}–${turns.toLocaleString("en")}; ${results.date.slice(0, 10)}, ${results.machine.cpu}`,
    unit: " ms",
    series: [
      { name: `turns 1–${window}`, color: palette[1] ?? "#888" },
      { name: `turns ${turns - window + 1}–${turns.toLocaleString("en")}`, color: palette[2] ?? "#888" },
    ],
    groups: conversation.rows.map((row) => ({ label: contenderLabel(results, row.contender), values: [row.earlyMedianMs, row.lateMedianMs] })),
  });
}
