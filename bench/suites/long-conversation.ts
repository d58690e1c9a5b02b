/**
 * Scenario (b): one conversation of 1,000 turns per contender, no windowing, so every request
 * carries the whole history (2,000 messages by the end). Contenders take turns in chunks, in a
 * rotating order, so they all see the same machine conditions at the same point of the conversation.
 */
import type { ClientProcess } from "../client/client-process-handle.js";
import type { BatchResult } from "../client/batch-types.js";
import type { ContenderDefinition } from "../contenders/index.js";
import type { EmulatorProcess } from "../emulator/emulator-process.js";
import { median, percentile } from "../stats.js";
import { floorOf } from "./agent-runs.js";
import { startClients } from "./start-clients.js";

export interface LongConversationOptions {
  turns: number;
  /** Turns per chunk before the next contender takes over. */
  chunk: number;
  /** How many turns the early and late windows cover (100: turns 1–100 and 901–1,000). */
  window: number;
}

export interface LongConversationRow {
  contender: string;
  turns: number;
  failures: number;
  firstFailure?: string;
  earlyMedianMs: number;
  earlyP95Ms: number;
  lateMedianMs: number;
  lateP95Ms: number;
  /** Late median over early median: how much a turn slows as the history grows. */
  growth: number;
  /** Late median over the floor's late median. */
  lateRatioToFloor: number;
  /** Client CPU per turn in the late window, milliseconds. */
  lateClientCpuMs: number;
  /** Emulator CPU per turn over the whole conversation, milliseconds. */
  serverCpuMs: number;
  peakRssBytes: number;
  /** Median per-turn time of each chunk, for the chart. */
  chunkMediansMs: number[];
}

export interface LongConversationResult {
  options: LongConversationOptions;
  rows: LongConversationRow[];
  skipped: Record<string, string>;
  seconds: number;
}

export async function runLongConversation(
  emulator: EmulatorProcess,
  contenders: readonly ContenderDefinition[],
  options: LongConversationOptions,
  log: (line: string) => void,
): Promise<LongConversationResult> {
  const started = Date.now();
  const { clients, skipped } = await startClients(contenders, emulator.url, log);
  try {
    const chunks = new Map<string, BatchResult[]>();
    const serverCpu = new Map<string, number>();
    const chunkCount = Math.ceil(options.turns / options.chunk);
    for (let chunk = 0; chunk < chunkCount; chunk += 1) {
      const count = Math.min(options.chunk, options.turns - chunk * options.chunk);
      for (let offset = 0; offset < clients.length; offset += 1) {
        const client = clients[(chunk + offset) % clients.length] as ClientProcess;
        const before = await emulator.usage();
        const batch = await client.conversationTurns(count);
        const after = await emulator.usage();
        const key = client.contender.key;
        chunks.set(key, [...(chunks.get(key) ?? []), batch]);
        serverCpu.set(key, (serverCpu.get(key) ?? 0) + after.cpuMicroseconds - before.cpuMicroseconds);
      }
      if ((chunk + 1) % Math.max(1, Math.floor(chunkCount / 4)) === 0) {
        log(`  turn ${Math.min(options.turns, (chunk + 1) * options.chunk)}/${options.turns} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      }
    }
    const lateStart = options.turns - options.window;
    const rows: LongConversationRow[] = clients.map((client) => {
      const batches = chunks.get(client.contender.key) ?? [];
      const durations = batches.flatMap((batch) => batch.durationsMs);
      const early = durations.slice(0, options.window);
      const late = durations.slice(lateStart);
      const lateChunks = batches.slice(Math.floor(lateStart / options.chunk));
      const lateTurns = lateChunks.reduce((sum, batch) => sum + batch.durationsMs.length, 0);
      const firstFailure = batches.find((batch) => batch.firstFailure !== undefined)?.firstFailure;
      return {
        contender: client.contender.key,
        turns: durations.length,
        failures: batches.reduce((sum, batch) => sum + batch.failures, 0),
        ...(firstFailure !== undefined && { firstFailure }),
        earlyMedianMs: median(early),
        earlyP95Ms: percentile(early, 95),
        lateMedianMs: median(late),
        lateP95Ms: percentile(late, 95),
        growth: median(late) / median(early),
        lateRatioToFloor: Number.NaN,
        lateClientCpuMs: lateChunks.reduce((sum, batch) => sum + batch.cpuMicroseconds, 0) / lateTurns / 1000,
        serverCpuMs: (serverCpu.get(client.contender.key) ?? 0) / durations.length / 1000,
        peakRssBytes: Math.max(0, ...batches.map((batch) => batch.peakRssBytes)),
        chunkMediansMs: batches.map((batch) => median(batch.durationsMs)),
      };
    });
    for (const [index, row] of rows.entries()) {
      const floor = rows.find((candidate) => candidate.contender === floorOf(clients[index]!.contender));
      row.lateRatioToFloor = floor === undefined ? Number.NaN : row.lateMedianMs / floor.lateMedianMs;
    }
    return { options, rows, skipped, seconds: (Date.now() - started) / 1000 };
  } finally {
    await Promise.all(clients.map((client) => client.close()));
  }
}
