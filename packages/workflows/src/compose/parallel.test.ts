import { describe, expect, it } from "vitest";
import { StepFailedError } from "../errors/step-failed-error.js";
import { WorkflowAbortError } from "../errors/workflow-abort-error.js";
import { step } from "../steps/function-step.js";
import { workflow } from "../run/workflow.js";
import { map } from "./map.js";
import { parallel } from "./parallel.js";

/** A step that waits until its signal aborts, noting that it was cancelled. */
function waitingStep(name: string, cancelled: string[], onRunning?: () => void) {
  return step({
    name,
    run: (_input: string, context) =>
      new Promise<string>((_resolve, reject) => {
        if (context.signal.aborted) throw new Error("aborted before it started");
        context.signal.addEventListener("abort", () => {
          cancelled.push(name);
          reject(new Error("cancelled"));
        });
        onRunning?.();
      }),
  });
}

const failing = step({
  name: "failing",
  run: async (_input: string): Promise<string> => {
    await Promise.resolve();
    throw new Error("the news service is down");
  },
});
const upper = step({ name: "upper", run: (input: string) => input.toUpperCase() });

describe("parallel", () => {
  it("gives each branch's output under its key", async () => {
    const lower = step({ name: "lower", run: (input: string) => input.toLowerCase() });
    const flow = workflow({ name: "cases", steps: parallel("both", { upper, lower }) });
    expect(await flow.run("MiXeD")).toMatchObject({ output: { upper: "MIXED", lower: "mixed" } });
  });

  it("fail-fast: the first failure aborts the running siblings and fails with the failing step's path", async () => {
    const cancelled: string[] = [];
    const flow = workflow({ name: "news", steps: parallel("gather", { slow: waitingStep("slow", cancelled), news: failing }) });
    const error = await flow.run("today").catch((caught: unknown) => caught);
    expect(StepFailedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "workflow-step-failed", path: "news/gather/failing", causeName: "Error" });
    expect((error as Error).message).toBe('Step "news/gather/failing" failed: the news service is down');
    expect(cancelled).toEqual(["slow"]);
  });

  it("collect: every branch finishes and each key holds its outcome", async () => {
    const flow = workflow({ name: "news", steps: parallel("gather", { upper, news: failing }, { onError: "collect" }) });
    const result = await flow.run("today");
    if (result.status !== "complete") throw new Error("expected a complete run");
    expect(result.output.upper).toEqual({ ok: true, value: "TODAY" });
    const news = result.output.news;
    expect(news.ok).toBe(false);
    if (!news.ok) expect(news.error).toMatchObject({ path: "news/gather/failing", message: 'Step "news/gather/failing" failed: the news service is down' });
  });

  it("an abort during the parallel step cancels every running branch and rejects with WorkflowAbortError", async () => {
    const cancelled: string[] = [];
    const controller = new AbortController();
    let running = 0;
    const onRunning = (): void => {
      running += 1;
      if (running === 2) controller.abort(new Error("user pressed stop"));
    };
    const flow = workflow({ name: "wait", steps: parallel("both", { a: waitingStep("a", cancelled, onRunning), b: waitingStep("b", cancelled, onRunning) }) });
    const error = await flow.run("x", { signal: controller.signal }).catch((caught: unknown) => caught);
    expect(WorkflowAbortError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "aborted", path: expect.stringMatching(/^wait\/both\/[ab]$/) });
    expect((error as Error).cause).toEqual(new Error("user pressed stop"));
    expect(cancelled.sort()).toEqual(["a", "b"]);
  });
});

describe("map", () => {
  it("runs the step per item, in order, never more than `concurrency` at once", async () => {
    let running = 0;
    let most = 0;
    const square = step({
      name: "square",
      run: async (value: number) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setImmediate(resolve));
        running -= 1;
        return value * value;
      },
    });
    const flow = workflow({ name: "squares", steps: map("all", { step: square, concurrency: 2 }) });
    const result = await flow.run([1, 2, 3, 4, 5]);
    expect(result).toMatchObject({ output: [1, 4, 9, 16, 25] });
    expect(most).toBe(2);
    expect(Object.keys(result.state.records)).toContain("squares/all[4]/square");
  });

  it("fails fast with the failing item's path, and collects per item under collect", async () => {
    const picky = step({
      name: "picky",
      run: (value: number) => {
        if (value === 3) throw new Error("three is not allowed");
        return value;
      },
    });
    const failFast = workflow({ name: "numbers", steps: map("each", { step: picky, concurrency: 1 }) });
    await expect(failFast.run([1, 3, 5])).rejects.toMatchObject({ path: "numbers/each[1]/picky" });
    const collected = await workflow({ name: "numbers", steps: map("each", { step: picky, onError: "collect" }) }).run([1, 3, 5]);
    if (collected.status !== "complete") throw new Error("expected a complete run");
    expect(collected.output.map((entry) => entry.ok)).toEqual([true, false, true]);
  });

  it("refuses an input that is not a list", async () => {
    const flow = workflow({ name: "numbers", steps: map("each", { step: upper }) });
    await expect(flow.run("abc" as unknown as string[])).rejects.toMatchObject({ code: "workflow-step-validation", path: "numbers/each" });
  });
});
