import { describe, expect, it } from "vitest";
import { parallel } from "../compose/parallel.js";
import { sequence } from "../compose/sequence.js";
import { step } from "../steps/function-step.js";
import { workflow } from "../run/workflow.js";
import { InMemoryStepExecutor } from "./in-memory-step-executor.js";
import type { StepExecution, StepExecutorFactory } from "./step-executor.js";

describe("the step executor", () => {
  it("gets every leaf step with its identity, and its records become the run's state", async () => {
    const seen: StepExecution[] = [];
    const factory: StepExecutorFactory = (context) => {
      const journal = new InMemoryStepExecutor(context);
      return {
        execute: (execution, body) => {
          seen.push(execution);
          return journal.execute(execution, body);
        },
        records: () => journal.records(),
      };
    };
    const flow = workflow({
      name: "ids",
      steps: sequence(step({ name: "a", run: (n: number) => n + 1 }), parallel("both", { b: step({ name: "b", run: (n: number) => n * 2 }), c: step({ name: "c", run: (n: number) => n * 3 }) })),
    });
    const result = await flow.run(1, { executor: factory, runId: "run-1" });
    expect(result).toMatchObject({ runId: "run-1", output: { b: 4, c: 6 } });
    expect(seen.map(({ path, name, kind, workflow, runId }) => [path, name, kind, workflow, runId])).toEqual([
      ["ids/a", "a", "function", "ids", "run-1"],
      ["ids/both/b", "b", "function", "ids", "run-1"],
      ["ids/both/c", "c", "function", "ids", "run-1"],
    ]);
    expect(result.state.records["ids/both/c"]).toEqual({ status: "done", output: 6 });
  });

  it("replays done and failed records without calling the body, and runs a paused one once its values are there", async () => {
    const executor = new InMemoryStepExecutor({
      records: {
        done: { status: "done", output: 1 },
        failed: { status: "failed", error: { code: "workflow-step-failed", message: "boom", path: "failed" } },
        paused: { status: "paused", pause: { reason: "wait", pending: [{ id: "p1", path: "paused", kind: "step", reason: "wait" }, { id: "p2", path: "paused", kind: "step", reason: "wait" }] } },
      },
      values: { p1: "yes" },
    });
    const execution = (path: string): StepExecution => ({ workflow: "w", runId: "r", path, name: path, kind: "function" });
    let calls = 0;
    const body = async () => (calls++, { status: "done" as const, output: "ran" });
    expect(await executor.execute(execution("done"), body)).toEqual({ status: "done", output: 1 });
    expect(await executor.execute(execution("failed"), body)).toMatchObject({ status: "failed" });
    expect(await executor.execute(execution("paused"), body)).toMatchObject({ status: "paused" }); // p2 has no value yet
    expect(calls).toBe(0);
    expect(await executor.execute(execution("new"), body)).toEqual({ status: "done", output: "ran" });
    expect(executor.records()["new"]).toEqual({ status: "done", output: "ran" });
  });
});
