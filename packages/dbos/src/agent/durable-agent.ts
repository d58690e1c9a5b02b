import { DBOS } from "@dbos-inc/dbos-sdk";
import type { Agent, AgentInput, AgentResult } from "@sluice/core";
import { fromDurableJson, toDurableJson } from "../codec/durable-json.js";
import { DurableConfigurationError } from "../errors/durable-error.js";
import type { DurablePending } from "../pause/durable-pending.js";
import { defaultWaitSeconds, waitForValues } from "../pause/wait-for-values.js";
import { durableHandle, type DurableRunHandle } from "../shared/durable-handle.js";
import { withDurableScope } from "../shared/durable-scope.js";
import { checkName, registerWorkflow } from "../shared/register-workflow.js";
import { startWorkflow, type DurableStartOptions } from "../shared/start-workflow.js";

export type { DurableStartOptions } from "../shared/start-workflow.js";

/** Options of `durableAgent`. */
export interface DurableAgentOptions {
  /** Names the DBOS workflow (`sluice.agent.<name>`): the same in every process and version. */
  name: string;
  /**
   * Builds the agent of one run; called again when the run is recovered in another process.
   * Give it `durableMiddleware()` as the last middleware.
   */
  agent: (context: { workflowId: string }) => Agent | Promise<Agent>;
  /** How long a paused run (an approval) waits for its answer. Default: seven days. */
  waitSeconds?: number;
}

/** Options of one durable agent run. */
/** An agent whose runs are DBOS workflows. */
export interface DurableAgent {
  readonly name: string;
  /** The DBOS workflow's name. */
  readonly workflowName: string;
  /** Starts a run and returns its handle at once. */
  start(input: AgentInput, options?: DurableStartOptions): Promise<DurableRunHandle<AgentResult>>;
  /** Starts a run and waits for its result. */
  run(input: AgentInput, options?: DurableStartOptions): Promise<AgentResult>;
  /** The handle of a run started earlier, by this process or another. */
  retrieve(workflowId: string): DurableRunHandle<AgentResult>;
}

/**
 * Agent runs that survive their process. Each run is a DBOS workflow; with `durableMiddleware()`
 * each model call and tool call in it is a DBOS step. A process killed mid-run is recovered by
 * DBOS (in a restarted process with the same executor id, or by `DBOS.resumeWorkflow` anywhere):
 * the agent is built anew, completed calls return their stored results, and the run continues
 * at the unfinished call. A tool that pauses the run (an approval) becomes a durable wait:
 * `handle.pending()` lists it, and any process answers with `handle.answer(...)`.
 *
 * Create it at module load, before `DBOS.launch()`, in every process that may run or recover it.
 *
 * @example
 * const support = durableAgent({
 *   name: "support",
 *   agent: () => new Agent({ modelId, tools: [refund], middleware: [approvalMiddleware(), durableMiddleware()] }),
 * });
 * await DBOS.launch();
 * const result = await support.run("Refund order 42");
 */
export function durableAgent(options: DurableAgentOptions): DurableAgent {
  const name = checkName("durableAgent", options?.name);
  if (typeof options.agent !== "function") throw new DurableConfigurationError("durableAgent: agent must be a function ({ workflowId }) => Agent that builds the run's agent.");
  const waitSeconds = options.waitSeconds ?? defaultWaitSeconds;
  if (!(typeof waitSeconds === "number" && waitSeconds > 0)) throw new DurableConfigurationError(`durableAgent: waitSeconds must be a positive number (got ${String(waitSeconds)}).`);
  const workflowName = `sluice.agent.${name}`;

  async function runAgent(input: unknown): Promise<unknown> {
    const workflowId = DBOS.workflowID ?? "";
    const agent = await options.agent({ workflowId });
    const { value: result, scope } = await withDurableScope(async () => {
      let outcome = await agent.send(fromDurableJson<AgentInput>(input));
      while (outcome.status === "interrupted") {
        const values = await waitForValues(pendingOf(outcome), waitSeconds);
        outcome = await agent.resume(values);
      }
      return outcome;
    });
    if (result.steps.length > 0 && scope.modelSteps === 0) {
      throw new DurableConfigurationError(
        `The agent of durable agent "${name}" made model calls that were not DBOS steps, so a crash would send them again. Add durableMiddleware() (last) to its middleware.`,
      );
    }
    return toDurableJson(result);
  }
  const registered = registerWorkflow(workflowName, runAgent);

  async function start(input: AgentInput, startOptions: DurableStartOptions = {}): Promise<DurableRunHandle<AgentResult>> {
    const handle = await startWorkflow(registered, `durable agent "${name}"`, input, startOptions);
    return durableHandle<AgentResult>(handle.workflowID, handle);
  }

  return {
    name,
    workflowName,
    start,
    run: async (input, startOptions) => (await start(input, startOptions)).result(),
    retrieve: (workflowId) => durableHandle<AgentResult>(workflowId),
  };
}

function pendingOf(result: AgentResult): DurablePending[] {
  return (result.interrupts ?? []).map((interrupt) => ({
    id: interrupt.toolUseId,
    reason: interrupt.reason,
    ...(interrupt.data !== undefined && { data: interrupt.data }),
    toolName: interrupt.name,
    toolInput: interrupt.input,
  }));
}
