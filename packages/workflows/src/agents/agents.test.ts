import { Agent, type ModelRequest } from "@sluice/core";
import { ScriptedModel } from "@sluice/core/testing";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { END, graph } from "../compose/graph.js";
import { LoopLimitError } from "../errors/loop-limit-error.js";
import { workflow } from "../run/workflow.js";
import { agentStep } from "../steps/agent-step.js";
import { step } from "../steps/function-step.js";
import type { Step } from "../steps/step.js";
import { agentTool } from "./agent-tool.js";
import { handoff, type HandoffResult } from "./handoff.js";
import { supervisor } from "./supervisor.js";

const modelId = "us.anthropic.claude-3-5-haiku-20241022-v1:0";
const lastText = (request: ModelRequest | undefined) => request?.messages?.at(-1)?.content?.map((block) => block.text ?? "").join("") ?? "";

describe("agentTool", () => {
  it("gives each call a fresh conversation by default, or one shared conversation", async () => {
    const built: Agent[] = [];
    const fresh = agentTool({ name: "helper", description: "Helps", agent: () => (built.push(new Agent({ modelId, model: new ScriptedModel() })), built.at(-1) as Agent) });
    const lead = new Agent({
      modelId,
      tools: [fresh],
      model: new ScriptedModel([{ toolCalls: [{ name: "helper", input: { message: "one" } }] }, { toolCalls: [{ name: "helper", input: { message: "two" } }] }, "done"]),
    });
    await lead.send("go");
    expect(built.map((agent) => agent.conversation.length)).toEqual([2, 2]);

    const sharedAgent = new Agent({ modelId, model: new ScriptedModel() });
    const shared = agentTool({ name: "helper", description: "Helps", agent: sharedAgent });
    const context = { signal: new AbortController().signal, toolUseId: "t", step: 1 } as never;
    expect(await shared.invoke({ message: "one" }, context)).toEqual({ content: [{ text: "You said: one" }], status: "success" });
    await shared.invoke({ message: "two" }, context);
    expect(sharedAgent.conversation.length).toBe(4);
    expect(() => agentTool({ name: "helper", description: "Helps", agent: sharedAgent, conversation: "per-call" })).toThrow(/needs a function building a fresh agent/);
  });
});

describe("handoff", () => {
  const specialistModel = new ScriptedModel([(request) => `billing answers: ${lastText(request)}`]);
  const desk = (pass: "conversation" | "summary") =>
    handoff("desk", {
      triage: ({ tools }) =>
        new Agent({
          modelId,
          tools,
          model: new ScriptedModel([{ text: "Let me pass you on.", toolCalls: [{ name: "transfer_to_billing", input: { reason: "a charge", summary: "Charged twice in May." } }] }]),
        }),
      specialists: {
        billing: { description: "Charges and refunds", agent: () => new Agent({ modelId, model: specialistModel }) },
        technical: { description: "Bugs", agent: () => new Agent({ modelId, model: new ScriptedModel() }) },
      },
      pass,
    });

  it("hands the conversation from triage to the chosen specialist, each a step", async () => {
    expectTypeOf(desk("conversation")).toEqualTypeOf<Step<string, HandoffResult<"billing" | "technical">>>();
    const result = await workflow({ name: "support", steps: desk("conversation") }).run("I was charged twice");
    expect(result).toMatchObject({ status: "complete", output: { agent: "billing", reason: "a charge" } });
    if (result.status !== "complete") return;
    expect(result.output.text).toContain("billing answers: This conversation was handed over to you.");
    expect(result.output.text).toContain("User: I was charged twice\n\nAssistant: Let me pass you on.");
    expect(Object.keys(result.state.records)).toEqual(["support/desk/triage", "support/desk/billing"]);
  });

  it("passes the triage model's summary instead when asked", async () => {
    const result = await workflow({ name: "support", steps: desk("summary") }).run("I was charged twice");
    if (result.status !== "complete") throw new Error("expected complete");
    expect(result.output.text).toContain("Summary so far: Charged twice in May.\n\nThe user's message: I was charged twice");
  });

  it("lets the triage agent answer itself", async () => {
    const solo = handoff("desk", {
      triage: ({ tools }) => new Agent({ modelId, tools, model: new ScriptedModel(["Opening hours are 9 to 5."]) }),
      specialists: { billing: { description: "Charges", agent: () => new Agent({ modelId, model: new ScriptedModel() }) } },
    });
    expect(await workflow({ name: "support", steps: solo }).run("When are you open?")).toMatchObject({ output: { agent: "triage", text: "Opening hours are 9 to 5." } });
  });
});

describe("graph", () => {
  const Draft = z.object({ topic: z.string(), draft: z.string().default(""), reviews: z.number().default(0), approved: z.boolean().default(false) });
  type Draft = z.output<typeof Draft>;
  const write = agentStep({
    name: "write",
    agent: () => new Agent({ modelId, model: new ScriptedModel([(request) => `A draft about ${lastText(request)}`]) }),
    prompt: (state: Draft) => state.topic,
    result: (result) => ({ draft: result.text }),
  });
  const review = step({ name: "review", run: (state: Draft) => ({ reviews: state.reviews + 1, approved: state.reviews + 1 >= 2 }) });

  it("runs nodes over a typed shared state, following conditional edges through a bounded cycle", async () => {
    const editing = graph("editing", { state: Draft, nodes: { write, review }, start: "write", edges: { write: "review", review: (state) => (state.approved ? END : "write") }, maxSteps: 6 });
    expectTypeOf(editing).toEqualTypeOf<Step<Draft, Draft>>();
    const result = await workflow({ name: "article", steps: editing }).run({ topic: "tides" } as Draft);
    expect(result).toMatchObject({ output: { topic: "tides", draft: "A draft about tides", reviews: 2, approved: true } });
    expect(Object.keys(result.state.records)).toEqual(["article/editing[0]/write", "article/editing[1]/review", "article/editing[2]/write", "article/editing[3]/review"]);
  });

  it("stops a cycle at maxSteps with LoopLimitError carrying the state", async () => {
    const never = step({ name: "review", run: (state: Draft) => ({ reviews: state.reviews + 1 }) });
    const editing = graph("editing", { state: Draft, nodes: { write, review: never }, start: "write", edges: { write: "review", review: () => "write" }, maxSteps: 3 });
    const error = await workflow({ name: "article", steps: editing }).run({ topic: "tides" } as Draft).catch((caught: unknown) => caught);
    expect(LoopLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ path: "article/editing", iterations: 3, lastOutput: { reviews: 1 } });
  });

  it("checks every update against the state schema, naming the node", async () => {
    const broken = step({ name: "broken", run: (_state: Draft) => ({ reviews: "many" }) as never });
    const editing = graph("editing", { state: Draft, nodes: { broken }, start: "broken", edges: {}, maxSteps: 2 });
    await expect(workflow({ name: "article", steps: editing }).run({ topic: "x" } as Draft)).rejects.toMatchObject({ code: "workflow-step-validation", path: "article/editing[0]/broken" });
  });
});

describe("supervisor", () => {
  it("routes tasks to workers as steps of the workflow and answers with their results", async () => {
    const researcher = new ScriptedModel([(request) => `facts about ${lastText(request)}`]);
    const team = supervisor("team", {
      agent: ({ tools }) =>
        new Agent({
          modelId,
          tools,
          model: new ScriptedModel([
            { toolCalls: [{ name: "researcher", input: { task: "tides" }, toolUseId: "tooluse_r1" }] },
            { toolCalls: [{ name: "writer", input: { task: "write it up" }, toolUseId: "tooluse_w1" }] },
            "Here is the article.",
          ]),
        }),
      workers: {
        researcher: { description: "Finds facts", run: () => new Agent({ modelId, model: researcher }) },
        writer: { description: "Writes", run: step({ name: "writer", run: (task: string) => ({ words: task.split(" ").length }) }) },
      },
    });
    const result = await workflow({ name: "desk", steps: team }).run("An article on tides");
    expect(result).toMatchObject({ status: "complete", output: "Here is the article." });
    expect(Object.keys(result.state.records)).toEqual(["desk/team[tooluse_r1]/researcher", "desk/team[tooluse_w1]/writer", "desk/team"]);
    expect(result.state.records["desk/team[tooluse_w1]/writer"]).toEqual({ status: "done", output: { words: 3 } });
  });
});
