import { DBOS } from "@dbos-inc/dbos-sdk";
import type { Workflow, WorkflowResult } from "@sluice/workflows";
import { fromDurableJson, toDurableJson } from "../codec/durable-json.js";
import { DurableConfigurationError } from "../errors/durable-error.js";
import type { DurablePending } from "../pause/durable-pending.js";
import { defaultWaitSeconds, waitForValues } from "../pause/wait-for-values.js";
import { durableHandle, type DurableRunHandle } from "../shared/durable-handle.js";
import { checkName, registerWorkflow } from "../shared/register-workflow.js";
import { startWorkflow, type DurableStartOptions } from "../shared/start-workflow.js";
import { dbosStepExecutor } from "./dbos-step-executor.js";

/** Options of `durableWorkflow`. */
export interface DurableWorkflowOptions {
  /** Names the DBOS workflow (`sluice.workflow.<name>`). Default: the workflow's name. */
  name?: string;
  /** How long a paused run waits for its values. Default: seven days. */
  waitSeconds?: number;
}

/** A durable run's result: the workflow's output (a durable run waits out its pauses instead of returning them). */
export type DurableWorkflowResult<Output> = Extract<WorkflowResult<Output>, { status: "complete" }>;

/** A `@sluice/workflows` workflow whose runs are DBOS workflows. */
export interface DurableWorkflow<Input, Output> {
  readonly name: string;
  readonly workflowName: string;
  start(input: Input, options?: DurableStartOptions): Promise<DurableRunHandle<DurableWorkflowResult<Output>>>;
  run(input: Input, options?: DurableStartOptions): Promise<DurableWorkflowResult<Output>>;
  retrieve(workflowId: string): DurableRunHandle<DurableWorkflowResult<Output>>;
}

/**
 * Runs a workflow as a DBOS workflow with `dbosStepExecutor()`: each step is a DBOS step, and a
 * run killed mid-way is recovered at its unfinished step. A step that pauses (an approval in an
 * agent step, `context.pause(...)`) becomes a durable wait: the run publishes what it waits for
 * (`handle.pending()`), and continues once another process answers (`handle.answer(...)`).
 * The run id of the workflow is the DBOS workflow id.
 *
 * Create it at module load, before `DBOS.launch()`, in every process that may run or recover it.
 *
 * @example
 * const durable = durableWorkflow(refundFlow);
 * await DBOS.launch();
 * const handle = await durable.start({ orderId: "1042" });
 */
export function durableWorkflow<Input, Output>(flow: Workflow<Input, Output>, options: DurableWorkflowOptions = {}): DurableWorkflow<Input, Output> {
  if (typeof flow?.run !== "function" || typeof flow.resume !== "function") throw new DurableConfigurationError("durableWorkflow: pass a workflow made by workflow({ name, steps }).");
  const name = checkName("durableWorkflow", options.name ?? flow.name);
  const waitSeconds = options.waitSeconds ?? defaultWaitSeconds;
  if (!(typeof waitSeconds === "number" && waitSeconds > 0)) throw new DurableConfigurationError(`durableWorkflow: waitSeconds must be a positive number (got ${String(waitSeconds)}).`);
  const workflowName = `sluice.workflow.${name}`;

  async function runFlow(input: unknown): Promise<unknown> {
    const runOptions = { executor: dbosStepExecutor(), ...(DBOS.workflowID !== undefined && { runId: DBOS.workflowID }) };
    let result = await flow.run(fromDurableJson<Input>(input), runOptions);
    while (result.status === "paused") {
      const pending: DurablePending[] = result.pending.map((entry) => ({ ...entry }));
      const values = await waitForValues(pending, waitSeconds);
      result = await flow.resume(result.state, values, runOptions);
    }
    return toDurableJson(result);
  }
  const registered = registerWorkflow(workflowName, runFlow);

  async function start(input: Input, startOptions: DurableStartOptions = {}) {
    const handle = await startWorkflow(registered, `durable workflow "${name}"`, input, startOptions);
    return durableHandle<DurableWorkflowResult<Output>>(handle.workflowID, handle);
  }

  return {
    name,
    workflowName,
    start,
    run: async (input, startOptions) => (await start(input, startOptions)).result(),
    retrieve: (workflowId) => durableHandle<DurableWorkflowResult<Output>>(workflowId),
  };
}
