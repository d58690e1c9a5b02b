/**
 * Scenario (a): the weather agent, one question, one tool call, one answer (two model calls),
 * streamed and not, sequential and at concurrency 20. Each contender runs in client processes of
 * its own (one by default; `--processes` for more, since the same code can run faster or slower
 * in one process than in another) against the emulator process; rounds interleave the processes
 * (in a rotating order) so drift in the machine hits all contenders alike.
 */
import type { BatchResult } from "../client/batch-types.js";
import type { ContenderDefinition } from "../contenders/index.js";
import type { EmulatorProcess } from "../emulator/emulator-process.js";
import { median, percentile, range, type Range } from "../stats.js";
import { startClients } from "./start-clients.js";

export interface AgentRunsOptions {
  /** Runs per contender, table and round, shared among the contender's processes. */
  runsPerRound: number;
  rounds: number;
  concurrency: number;
  /** Client processes per contender. */
  processes: number;
  /** Warm-up runs per process and table, not counted. */
  warmupRuns: number;
}

export interface AgentRunsCell {
  contender: string;
  streaming: boolean;
  concurrency: number;
  runs: number;
  failures: number;
  firstFailure?: string;
  medianMs: number;
  p95Ms: number;
  /** Client CPU per run (user + system), milliseconds. */
  clientCpuMs: number;
  /** Emulator CPU per run, milliseconds. */
  serverCpuMs: number;
  /** Completed runs per second of batch wall time. */
  runsPerSecond: number;
  /** Median per round, milliseconds. */
  roundMediansMs: number[];
  /** Median run time over the floor's on the same transport, over all runs. */
  ratioToFloor: number;
  /** The same ratio per round: its smallest and largest value. */
  ratioRange: Range;
  /** Client CPU per run over the floor's. */
  cpuRatioToFloor: number;
}

export interface AgentRunsResult {
  options: AgentRunsOptions;
  cells: AgentRunsCell[];
  /** Peak resident set size of each contender's client process, bytes. */
  peakRssBytes: Record<string, number>;
  /** Contenders that could not be set up, with the reason. */
  skipped: Record<string, string>;
  seconds: number;
}

interface Collected {
  batches: Array<BatchResult & { round: number }>;
  serverCpuMicroseconds: number;
}

export const cellOrder = [
  { streaming: false, sequential: true },
  { streaming: true, sequential: true },
  { streaming: false, sequential: false },
  { streaming: true, sequential: false },
] as const;

/** The median run time of each round, from the batches of all of a contender's processes. */
function roundMedians(batches: Collected["batches"], rounds: number): number[] {
  return Array.from({ length: rounds }, (_, round) => median(batches.filter((batch) => batch.round === round).flatMap((batch) => batch.durationsMs)));
}

function rotate<Item>(items: readonly Item[], by: number): Item[] {
  const shift = by % Math.max(1, items.length);
  return [...items.slice(shift), ...items.slice(0, shift)];
}

/** The floor a contender is compared with (the keep-alive raw loop by default). */
export function floorOf(contender: ContenderDefinition): string {
  return contender.floorKey ?? "raw-http1";
}

export async function runAgentRuns(
  emulator: EmulatorProcess,
  contenders: readonly ContenderDefinition[],
  options: AgentRunsOptions,
  log: (line: string) => void,
): Promise<AgentRunsResult> {
  const started = Date.now();
  // Process-major order (each contender's first process, then each one's second, ...), so a
  // rotation spreads a contender's processes over the round.
  const { clients, skipped } = await startClients(contenders, emulator.url, log, options.processes);
  try {
    // Warm-up is not timed, so the processes warm up side by side. A process needs a couple of
    // thousand runs to settle (the first few hundred cost two to three times as much), so every
    // table gets its share.
    await Promise.all(
      clients.map(async (client) => {
        for (const cell of cellOrder) await client.weather(cell.streaming, options.warmupRuns, cell.sequential ? 1 : options.concurrency);
      }),
    );
    log(`  warm-up done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    const collected = new Map<string, Collected>();
    const cellKey = (key: string, streaming: boolean, concurrency: number) => `${key}|${streaming}|${concurrency}`;
    const runsPerBatch = Math.max(1, Math.round(options.runsPerRound / options.processes));
    for (let round = 0; round < options.rounds; round += 1) {
      for (const [cellIndex, cell] of cellOrder.entries()) {
        const concurrency = cell.sequential ? 1 : options.concurrency;
        for (const client of rotate(clients, round + cellIndex)) {
          const before = await emulator.usage();
          const batch = await client.weather(cell.streaming, runsPerBatch, concurrency);
          const after = await emulator.usage();
          const key = cellKey(client.contender.key, cell.streaming, concurrency);
          const entry = collected.get(key) ?? { batches: [], serverCpuMicroseconds: 0 };
          entry.batches.push({ ...batch, round });
          entry.serverCpuMicroseconds += after.cpuMicroseconds - before.cpuMicroseconds;
          collected.set(key, entry);
        }
      }
      log(`  round ${round + 1}/${options.rounds} done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    const peakRssBytes: Record<string, number> = {};
    const cells: AgentRunsCell[] = [];
    for (const cell of cellOrder) {
      const concurrency = cell.sequential ? 1 : options.concurrency;
      for (const contender of contenders) {
        const { key } = contender;
        const entry = collected.get(cellKey(key, cell.streaming, concurrency));
        const floorEntry = collected.get(cellKey(floorOf(contender), cell.streaming, concurrency));
        if (entry === undefined) continue;
        const durations = entry.batches.flatMap((batch) => batch.durationsMs);
        const runs = durations.length;
        const clientCpu = entry.batches.reduce((sum, batch) => sum + batch.cpuMicroseconds, 0);
        const wall = entry.batches.reduce((sum, batch) => sum + batch.wallMs, 0);
        const roundMediansMs = roundMedians(entry.batches, options.rounds);
        const floorDurations = floorEntry?.batches.flatMap((batch) => batch.durationsMs) ?? [];
        const floorRoundMedians = floorEntry === undefined ? [] : roundMedians(floorEntry.batches, options.rounds);
        const floorCpu = floorEntry === undefined ? Number.NaN : floorEntry.batches.reduce((sum, batch) => sum + batch.cpuMicroseconds, 0) / floorDurations.length;
        const firstFailure = entry.batches.find((batch) => batch.firstFailure !== undefined)?.firstFailure;
        cells.push({
          contender: key,
          streaming: cell.streaming,
          concurrency,
          runs,
          failures: entry.batches.reduce((sum, batch) => sum + batch.failures, 0),
          ...(firstFailure !== undefined && { firstFailure }),
          medianMs: median(durations),
          p95Ms: percentile(durations, 95),
          clientCpuMs: clientCpu / runs / 1000,
          serverCpuMs: entry.serverCpuMicroseconds / runs / 1000,
          runsPerSecond: runs / (wall / 1000),
          roundMediansMs,
          ratioToFloor: median(durations) / median(floorDurations),
          ratioRange: range(roundMediansMs.map((value, round) => value / (floorRoundMedians[round] ?? Number.NaN))),
          cpuRatioToFloor: clientCpu / runs / floorCpu,
        });
        peakRssBytes[key] = Math.max(peakRssBytes[key] ?? 0, ...entry.batches.map((batch) => batch.peakRssBytes));
      }
    }
    return { options, cells, peakRssBytes, skipped, seconds: (Date.now() - started) / 1000 };
  } finally {
    await Promise.all(clients.map((client) => client.close()));
  }
}
