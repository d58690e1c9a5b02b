/** The shape of bench/results/latest.json. */
import type { ContenderDefinition } from "../contenders/index.js";
import type { MiddlewareOverheadResult } from "../middleware-overhead.js";
import type { DurableStepsResult } from "../durable-steps.js";
import type { SharedStoresResult } from "../shared-stores.js";
import type { CorePipelineResult } from "../core-pipeline.js";
import type { WorkflowStepsResult } from "../workflow-steps.js";
import type { ImportTimesResult } from "../import-times.js";
import type { McpToolCallsResult } from "../mcp-tool-calls.js";
import type { AgentRunsResult } from "../suites/agent-runs.js";
import type { ThroughputResult } from "../suites/emulator-throughput.js";
import type { IdleMemoryResult } from "../suites/idle-memory.js";
import type { LongConversationResult } from "../suites/long-conversation.js";

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  /** 1-minute load average when the run started and ended: other work on the machine adds noise. */
  loadAverageAtStart: number;
  loadAverageAtEnd?: number;
}

/** A contender as the results file lists it: its definition without the factory. */
export type ContenderInfo = Omit<ContenderDefinition, "create">;

export interface BenchmarkResults {
  date: string;
  /** The command that produced these figures. */
  command: string;
  machine: MachineInfo;
  durationSeconds: number;
  contenders: ContenderInfo[];
  /** Package versions of the contenders. */
  versions: Record<string, string>;
  agentRuns?: AgentRunsResult;
  longConversation?: LongConversationResult;
  idleMemory?: IdleMemoryResult;
  corePipeline?: CorePipelineResult;
  middlewareOverhead?: MiddlewareOverheadResult;
  emulatorThroughput?: ThroughputResult;
  sharedStores?: SharedStoresResult;
  workflowSteps?: WorkflowStepsResult;
  durableSteps?: DurableStepsResult;
  importTimes?: ImportTimesResult;
  mcpToolCalls?: McpToolCallsResult;
}

/** The label of the contender with `key` in `results` (the key itself when not listed). */
export function contenderLabel(results: BenchmarkResults, key: string): string {
  return results.contenders.find((contender) => contender.key === key)?.label ?? key;
}
