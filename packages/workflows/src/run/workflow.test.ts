import type { StepMiddleware } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sequence } from "../compose/sequence.js";
import { WorkflowStateError } from "../errors/workflow-state-error.js";
import { step } from "../steps/function-step.js";
import { workflow } from "./workflow.js";
import type { WorkflowEvent } from "./workflow-events.js";
import type { WorkflowState } from "./workflow-state.js";

/** A step that counts how often its code really ran. */
function counted(name: string, runs: Record<string, number>, run: (value: number) => number) {
  return step({
    name,
    run: (value: number) => {
      runs[name] = (runs[name] ?? 0) + 1;
      return run(value);
    },
  });
}

describe("pause and resume", () => {
  it("pauses at a step, serialises to JSON, and resumes without running completed steps again", async () => {
    const runs: Record<string, number> = {};
    const approve = step({
      name: "approve",
      resume: z.object({ approved: z.boolean(), by: z.string() }),
      run: (value: number, context) => {
        runs["approve"] = (runs["approve"] ?? 0) + 1;
        if (context.resumeValue === undefined) return context.pause("manager-sign-off", { amount: value });
        return context.resumeValue.approved ? value : 0;
      },
    });
    const define = () => workflow({ name: "refund", steps: sequence(counted("add", runs, (v) => v + 1), approve, counted("double", runs, (v) => v * 2)) });
    const paused = await define().run(20);
    expect(paused.status).toBe("paused");
    if (paused.status !== "paused") return;
    expect(paused.pending).toEqual([{ id: "refund/approve", path: "refund/approve", kind: "step", reason: "manager-sign-off", data: { amount: 21 } }]);
    const saved = JSON.parse(JSON.stringify(paused.state)) as WorkflowState;

    const resumed = await define().resume(saved, { "refund/approve": { approved: true, by: "Ada" } });
    expect(resumed).toMatchObject({ status: "complete", output: 42, runId: paused.runId });
    expect(runs).toEqual({ add: 1, approve: 2, double: 1 });
  });

  it("keeps waiting when resumed without the value, and checks the resume value against its schema", async () => {
    const gate = step({ name: "gate", resume: z.literal("go"), run: (_: number, context) => (context.resumeValue === undefined ? context.pause("wait") : 1) });
    const flow = workflow({ name: "gated", steps: gate });
    const paused = await flow.run(0);
    const still = await flow.resume(paused.state);
    expect(still).toMatchObject({ status: "paused", pending: [{ id: "gated/gate" }] });
    await expect(flow.resume(paused.state, { "gated/gate": "stop" })).rejects.toMatchObject({ code: "workflow-step-validation", boundary: "resume", path: "gated/gate" });
  });

  it("refuses states of another workflow, damaged states, and values nothing waits for", async () => {
    const gate = step({ name: "gate", run: (_: number, context) => (context.resumeValue === undefined ? context.pause("wait") : 1) });
    const flow = workflow({ name: "gated", steps: gate });
    const paused = await flow.run(0);
    const other = workflow({ name: "other", steps: gate });
    await expect(other.resume(paused.state)).rejects.toThrow('This state belongs to the workflow "gated", not "other".');
    await expect(flow.resume({ format: "nope" } as unknown as WorkflowState)).rejects.toSatisfy(WorkflowStateError.isInstance);
    await expect(flow.resume(paused.state, { "gated/other": 1 })).rejects.toThrow("No paused step waits for gated/other; the run waits for gated/gate.");
  });
});

describe("step middleware", () => {
  it("wraps each step: a retry calls next again, and sees paths and kinds", async () => {
    const seen: string[] = [];
    let attempts = 0;
    const flaky = step({
      name: "flaky",
      run: (value: number) => {
        attempts += 1;
        if (attempts < 3) throw new Error("transient");
        return value + 1;
      },
    });
    const retry: StepMiddleware = async (call, next) => {
      seen.push(`${call.kind} ${call.path}`);
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await next();
        } catch (error) {
          if (call.kind === "workflow" || attempt === 3) throw error;
        }
      }
    };
    const flow = workflow({ name: "retrying", steps: flaky, middleware: [{ name: "retry", step: retry }] });
    expect(await flow.run(1)).toMatchObject({ output: 2 });
    expect(seen).toEqual(["workflow retrying", "function retrying/flaky"]);
  });

  it("can answer a step from a cache without running it", async () => {
    const runs: Record<string, number> = {};
    const cache = new Map<string, unknown>();
    const caching: StepMiddleware = async (call, next) => {
      if (call.kind === "workflow") return next();
      const key = `${call.name}:${JSON.stringify(call.input)}`;
      if (cache.has(key)) return { type: "output", output: cache.get(key) };
      const outcome = await next();
      if (outcome.type === "output") cache.set(key, outcome.output);
      return outcome;
    };
    const flow = workflow({ name: "cached", steps: counted("square", runs, (v) => v * v), middleware: [{ step: caching }] });
    await flow.run(4);
    expect(await flow.run(4)).toMatchObject({ output: 16 });
    expect(runs).toEqual({ square: 1 });
  });
});

describe("events", () => {
  it("streams step events with paths, and gives the same to on() listeners", async () => {
    const inner = workflow({ name: "inner", steps: step({ name: "inc", run: (v: number) => v + 1 }) });
    const flow = workflow({ name: "outer", steps: sequence(step({ name: "start", run: (v: number) => v }), inner) });
    const heard: string[] = [];
    const listener = (event: { path: string }) => heard.push(event.path);
    flow.on("step-finish", listener);
    const running = flow.stream(1);
    const events: WorkflowEvent[] = [];
    for await (const event of running) events.push(event);
    flow.off("step-finish", listener);
    expect((await running.result).status).toBe("complete");
    expect(events.map((event) => ("path" in event ? `${event.type} ${event.path}` : event.type))).toEqual([
      "workflow-start",
      "step-start outer/start",
      "step-finish outer/start",
      "step-start outer/inner",
      "step-start outer/inner/inc",
      "step-finish outer/inner/inc",
      "step-finish outer/inner",
      "workflow-finish",
    ]);
    expect(heard).toEqual(["outer/start", "outer/inner/inc", "outer/inner"]);
  });

  it("marks steps replayed from the journal on resume", async () => {
    const flow = workflow({
      name: "marks",
      steps: sequence(
        step({ name: "first", run: (v: number) => v }),
        step({ name: "gate", run: (v: number, context) => (context.resumeValue === undefined ? context.pause("wait") : v) }),
      ),
    });
    const paused = await flow.run(1);
    const events: WorkflowEvent[] = [];
    for await (const event of flow.resumeStream(paused.state, { "marks/gate": true })) events.push(event);
    const finished = events.filter((event) => event.type === "step-finish");
    expect(finished.map((event) => [event.path, event.replayed])).toEqual([
      ["marks/first", true],
      ["marks/gate", false],
    ]);
  });

  it("a listener that throws does not fail the run", async () => {
    const flow = workflow({ name: "loud", steps: step({ name: "one", run: () => 1 }) });
    flow.on("step-start", () => {
      throw new Error("listener bug");
    });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on("warning", onWarning);
    expect(await flow.run(undefined)).toMatchObject({ output: 1 });
    await new Promise((resolve) => setImmediate(resolve));
    process.off("warning", onWarning);
    expect(warnings).toContain('A Sluice workflow "step-start" listener threw: listener bug');
  });
});
