/**
 * Scenario (c): memory held by many idle conversations (10,000 agents of 20 messages each by
 * default). Each contender runs alone in a fresh process with `--expose-gc`; the figure is the
 * growth of heap plus external memory after full collections, so module code and the shared
 * client are not counted, only what each conversation keeps.
 */
import { ClientProcess } from "../client/client-process-handle.js";
import type { ContenderDefinition } from "../contenders/index.js";
import type { EmulatorProcess } from "../emulator/emulator-process.js";
import { noteSkipped } from "./start-clients.js";

export interface IdleMemoryOptions {
  agents: number;
  messagesPerAgent: number;
}

export interface IdleMemoryRow {
  contender: string;
  /** What the conversations keep: an agent object, or the message list an application holds. */
  holds: string;
  retainedBytes: number;
  bytesPerAgent: number;
  rssGrowthBytes: number;
}

export interface IdleMemoryResult {
  options: IdleMemoryOptions;
  rows: IdleMemoryRow[];
  skipped: Record<string, string>;
  seconds: number;
}

/** What each contender keeps per idle conversation. */
export const idleHoldings: Record<string, string> = {
  "raw-http1": "an array of Converse messages",
  sluice: "an Agent (its Conversation) sharing one client",
  strands: "an Agent sharing one BedrockModel",
  "ai-sdk": "an array of ModelMessages (the SDK keeps no conversation)",
  langchain: "an array of BaseMessages (createAgent keeps none without a checkpointer)",
};

export async function runIdleMemory(
  emulator: EmulatorProcess,
  contenders: readonly ContenderDefinition[],
  options: IdleMemoryOptions,
  log: (line: string) => void,
): Promise<IdleMemoryResult> {
  const started = Date.now();
  const rows: IdleMemoryRow[] = [];
  const skipped: Record<string, string> = {};
  for (const contender of contenders) {
    let client: ClientProcess | undefined;
    try {
      client = await ClientProcess.start(contender, emulator.url, { exposeGc: true });
      const result = await client.idleMemory(options.agents, options.messagesPerAgent);
      rows.push({
        contender: contender.key,
        holds: idleHoldings[contender.key] ?? "",
        retainedBytes: result.retainedBytes,
        bytesPerAgent: result.retainedBytes / result.agents,
        rssGrowthBytes: result.rssGrowthBytes,
      });
    } catch (error) {
      noteSkipped(skipped, contender.key, error, log);
    } finally {
      await client?.close();
    }
  }
  return { options, rows, skipped, seconds: (Date.now() - started) / 1000 };
}
