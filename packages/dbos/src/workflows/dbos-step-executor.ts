import { DBOS } from "@dbos-inc/dbos-sdk";
import { InMemoryStepExecutor, type StepBody, type StepExecution, type StepExecutor, type StepExecutorContext, type StepExecutorFactory, type StepRecord } from "@sluice/workflows";
import { fromDurableJson, toDurableJson } from "../codec/durable-json.js";
import { DurableConfigurationError } from "../errors/durable-error.js";

/**
 * Makes each step of an `@sluice/workflows` run a DBOS step named by its path (e.g.
 * `report/refine[2]/write`), whose stored result is the step's record. Run the workflow inside a
 * DBOS workflow (`durableWorkflow` does it): recovered after a crash, completed steps return
 * their records and only the unfinished one runs again. A step nested in another step (a
 * workflow used as a step, an agent's calls inside an agent step) is part of the outer DBOS step.
 *
 * @example
 * const result = await flow.run(input, { executor: dbosStepExecutor(), runId: DBOS.workflowID });
 */
export function dbosStepExecutor(): StepExecutorFactory {
  return function makeDbosStepExecutor(context: StepExecutorContext): StepExecutor {
    return new DbosStepExecutor(context);
  };
}

class DbosStepExecutor implements StepExecutor {
  // Records of the state being resumed are replayed as the in-memory executor does; new step
  // executions become DBOS steps.
  private readonly journal: InMemoryStepExecutor;

  constructor(context: StepExecutorContext) {
    this.journal = new InMemoryStepExecutor(context);
  }

  execute(execution: StepExecution, body: StepBody): Promise<StepRecord> {
    if (DBOS.isInStep()) return this.journal.execute(execution, body);
    if (!DBOS.isInWorkflow()) {
      return Promise.reject(
        new DurableConfigurationError(
          `Step "${execution.path}" runs with dbosStepExecutor() outside a DBOS workflow, so nothing would be checkpointed. Run the workflow through durableWorkflow(flow), or inside a function registered with DBOS.registerWorkflow.`,
        ),
      );
    }
    return this.journal.execute(execution, async function durableStep(resumption) {
      const stored = await DBOS.runStep(async () => toDurableJson(await body(resumption)), { name: execution.path });
      return fromDurableJson<StepRecord>(stored);
    });
  }

  records(): Record<string, StepRecord> {
    return this.journal.records();
  }
}
