import { Agent } from "@sluice/core";
import { ScriptedModel } from "@sluice/core/testing";
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { z as z3 } from "zod3";
import { branch } from "./compose/branch.js";
import { loop, type LoopResult } from "./compose/loop.js";
import { map } from "./compose/map.js";
import { parallel } from "./compose/parallel.js";
import type { Settled } from "./compose/run-limited.js";
import { sequence } from "./compose/sequence.js";
import { workflow, type Workflow } from "./run/workflow.js";
import { agentStep } from "./steps/agent-step.js";
import { step } from "./steps/function-step.js";
import type { Step } from "./steps/step.js";

const agent = new Agent({ modelId: "test", model: new ScriptedModel() });
const research = agentStep({ name: "research", agent, input: z.object({ topic: z.string() }), prompt: ({ topic }) => topic });
const write = agentStep({ name: "write", agent, result: (result) => ({ draft: result.text, words: result.text.split(" ").length }) });
const review = step({ name: "review", output: z.object({ approved: z.boolean(), notes: z.string().default("") }), run: (draft: { draft: string; words: number }) => ({ approved: draft.words > 3 }) });

describe("inferred types", () => {
  it("types steps from their schemas and code, with zod 4 and zod 3", () => {
    expectTypeOf(research).toEqualTypeOf<Step<{ topic: string }, string>>();
    expectTypeOf(write).toEqualTypeOf<Step<string, { draft: string; words: number }>>();
    expectTypeOf(review).toEqualTypeOf<Step<{ draft: string; words: number }, { approved: boolean; notes: string }>>();
    const legacy = step({ name: "legacy", input: z3.object({ n: z3.number() }), run: ({ n }) => n * 2 });
    expectTypeOf(legacy).toEqualTypeOf<Step<{ n: number }, number>>();
  });

  it("infers a composed workflow's input and output", () => {
    const article = workflow({ name: "article", steps: sequence(research, write, review) });
    expectTypeOf(article).toEqualTypeOf<Workflow<{ topic: string }, { approved: boolean; notes: string }>>();
    expectTypeOf(parallel("both", { research, other: research })).toEqualTypeOf<Step<{ topic: string }, { research: string; other: string }>>();
    expectTypeOf(parallel("both", { research }, { onError: "collect" })).toEqualTypeOf<Step<{ topic: string }, { research: Settled<string> }>>();
    expectTypeOf(map("all", { step: research })).toEqualTypeOf<Step<readonly { topic: string }[], string[]>>();
    expectTypeOf(map("all", { step: research, onError: "collect" })).toEqualTypeOf<Step<readonly { topic: string }[], Array<Settled<string>>>>();
    const count = step({ name: "count", run: (text: string) => text.length });
    expectTypeOf(loop("again", { body: count, next: (n) => "x".repeat(n), until: (n) => n > 3, max: 3 })).toEqualTypeOf<Step<string, number>>();
    expectTypeOf(loop("again", { body: write, next: (out) => out.draft, until: () => true, max: 2, onMax: "return" })).toEqualTypeOf<
      Step<string, LoopResult<{ draft: string; words: number }>>
    >();
    const shout = step({ name: "shout", run: (text: string) => text.toUpperCase() });
    const measure = step({ name: "measure", run: (text: string) => text.length });
    expectTypeOf(branch("pick", { select: (text) => (text.length > 3 ? "shout" : "measure"), cases: { shout, measure } })).toEqualTypeOf<Step<string, string | number>>();
  });

  it("refuses a sequence whose step does not take the previous output, and a select naming no case", () => {
    // @ts-expect-error review takes a draft object, research gives a string
    sequence(research, review);
    const shout = step({ name: "shout", run: (text: string) => text.toUpperCase() });
    // @ts-expect-error "whisper" is not a case
    branch("pick", { select: () => "whisper", cases: { shout } });
    // @ts-expect-error a loop whose output is not its input needs next
    loop("again", { body: write, until: () => true, max: 2 });
  });
});
