import { describe, expect, it } from "vitest";
import { LoopLimitError } from "../errors/loop-limit-error.js";
import { step } from "../steps/function-step.js";
import { workflow } from "../run/workflow.js";
import { branch } from "./branch.js";
import { loop } from "./loop.js";
import { sequence } from "./sequence.js";

const grow = step({ name: "grow", run: (draft: { text: string; score: number }) => ({ text: `${draft.text}!`, score: draft.score + 1 }) });

describe("loop", () => {
  it("runs until the condition holds, each iteration under its own path", async () => {
    const flow = workflow({ name: "polish", steps: loop("revise", { body: grow, until: (draft) => draft.score >= 3, max: 5 }) });
    const result = await flow.run({ text: "hi", score: 0 });
    expect(result).toMatchObject({ output: { text: "hi!!!", score: 3 } });
    expect(Object.keys(result.state.records)).toEqual(["polish/revise[0]/grow", "polish/revise[1]/grow", "polish/revise[2]/grow"]);
  });

  it("reaching max fails with LoopLimitError carrying the path and the last output", async () => {
    const flow = workflow({ name: "polish", steps: loop("revise", { body: grow, until: () => false, max: 2 }) });
    const error = await flow.run({ text: "hi", score: 0 }).catch((caught: unknown) => caught);
    expect(LoopLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "workflow-loop-limit", path: "polish/revise", iterations: 2, lastOutput: { text: "hi!!", score: 2 } });
  });

  it('with onMax: "return", reaching max is a typed outcome instead', async () => {
    const flow = workflow({ name: "polish", steps: loop("revise", { body: grow, until: () => false, max: 2, onMax: "return" }) });
    expect(await flow.run({ text: "hi", score: 0 })).toMatchObject({ output: { output: { score: 2 }, iterations: 2, reachedMax: true } });
  });

  it("maps an output to the next input with next", async () => {
    const count = step({ name: "count", run: (text: string) => text.length });
    const flow = workflow({ name: "lengths", steps: loop("longer", { body: count, next: (length) => "x".repeat(length * 2), until: (length) => length >= 8, max: 4 }) });
    expect(await flow.run("ab")).toMatchObject({ output: 8 });
  });
});

describe("branch", () => {
  const billing = step({ name: "billing", run: (ticket: { kind: string; text: string }) => `billing: ${ticket.text}` });
  const technical = step({ name: "technical", run: (ticket: { kind: string; text: string }) => `technical: ${ticket.text}` });

  it("runs the case the condition picks", async () => {
    const route = branch("route", { select: (ticket) => (ticket.kind === "bill" ? "billing" : "technical"), cases: { billing, technical } });
    const flow = workflow({ name: "desk", steps: route });
    expect(await flow.run({ kind: "bill", text: "charged twice" })).toMatchObject({ output: "billing: charged twice" });
    const result = await flow.run({ kind: "bug", text: "crash" });
    expect(result).toMatchObject({ output: "technical: crash" });
    expect(Object.keys(result.state.records)).toEqual(["desk/route/technical"]);
  });

  it("fails with the branch's path when the condition names no case", async () => {
    const route = branch("route", { select: () => "sales" as "billing", cases: { billing, technical } });
    await expect(workflow({ name: "desk", steps: sequence(route) }).run({ kind: "x", text: "y" })).rejects.toMatchObject({
      code: "workflow-step-failed",
      path: "desk/route",
      message: expect.stringContaining('select returned "sales", which is not a case'),
    });
  });
});
