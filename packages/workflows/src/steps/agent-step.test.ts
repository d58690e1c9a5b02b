import { Agent } from "@sluice/core";
import { ScriptedModel } from "@sluice/core/testing";
import { approvalMiddleware, approve, defineTool } from "@sluice/tools";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sequence } from "../compose/sequence.js";
import { WorkflowAbortError } from "../errors/workflow-abort-error.js";
import { workflow } from "../run/workflow.js";
import type { WorkflowEvent } from "../run/workflow-events.js";
import type { WorkflowState } from "../run/workflow-state.js";
import { agentStep } from "./agent-step.js";
import { step } from "./function-step.js";

const modelId = "us.anthropic.claude-3-5-haiku-20241022-v1:0";

describe("agentStep", () => {
  it("sends the prompt, gives the answer as output, adds the usage, and tags the agent's events with the step path", async () => {
    const model = new ScriptedModel([{ text: "Tides follow the moon.", usage: { inputTokens: 12, outputTokens: 5 } }]);
    const research = agentStep({
      name: "research",
      agent: () => new Agent({ modelId, model }),
      input: z.object({ topic: z.string() }),
      prompt: ({ topic }) => `Research ${topic}`,
      result: (result) => ({ notes: result.text }),
    });
    const running = workflow({ name: "article", steps: research }).stream({ topic: "tides" });
    const events: WorkflowEvent[] = [];
    for await (const event of running) events.push(event);
    const result = await running.result;
    expect(result).toMatchObject({ status: "complete", output: { notes: "Tides follow the moon." }, usage: { inputTokens: 12, outputTokens: 5 } });
    expect(model.requests[0]?.messages?.[0]?.content).toEqual([{ text: "Research tides" }]);
    const deltas = events.filter((event) => event.type === "agent-event" && event.event.type === "text-delta");
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.every((event) => event.type === "agent-event" && event.path === "article/research")).toBe(true);
  });

  it("pauses the workflow at a tool approval inside the agent and resumes from JSON with new agents", async () => {
    const refunds: number[] = [];
    const refund = defineTool({
      name: "refund",
      description: "Refunds an order",
      input: z.object({ cents: z.number() }),
      needsApproval: true,
      handler: ({ cents }) => {
        refunds.push(cents);
        return "refunded";
      },
    });
    const prepared: string[] = [];
    const define = (model: ScriptedModel) =>
      workflow({
        name: "support",
        steps: sequence(
          step({ name: "prepare", run: (text: string) => (prepared.push(text), `Customer says: ${text}`) }),
          agentStep({ name: "agent", agent: () => new Agent({ modelId, model, tools: [refund], middleware: [approvalMiddleware()] }) }),
        ),
      });
    const first = new ScriptedModel([{ toolCalls: [{ name: "refund", input: { cents: 500 }, toolUseId: "tooluse_refund_1" }] }]);
    const paused = await define(first).run("refund me");
    expect(paused.status).toBe("paused");
    if (paused.status !== "paused") return;
    expect(paused.pending).toEqual([
      { id: "tooluse_refund_1", path: "support/agent", kind: "tool", reason: "approval-required", data: { kind: "approval", description: "Refunds an order" }, toolName: "refund", toolInput: { cents: 500 } },
    ]);
    expect(refunds).toEqual([]);

    const saved = JSON.parse(JSON.stringify(paused.state)) as WorkflowState;
    const second = new ScriptedModel(["Refund done."]);
    const resumed = await define(second).resume(saved, { tooluse_refund_1: approve() });
    expect(resumed).toMatchObject({ status: "complete", output: "Refund done." });
    expect(refunds).toEqual([500]);
    expect(prepared).toEqual(["refund me"]);
    // The resumed agent answered from the restored conversation: user, assistant (tool use), user (tool result).
    expect(second.requests[0]?.messages?.map((message) => message.role)).toEqual(["user", "assistant", "user"]);
  });

  it("keeps a shared agent's conversation in the state, so replayed steps restore it in a new process", async () => {
    const define = (agent: Agent) =>
      workflow({
        name: "chat",
        steps: sequence(
          agentStep({ name: "greet", agent }),
          agentStep({ name: "follow-up", agent, prompt: (previous: string) => `And after "${previous}"?` }),
          step({ name: "gate", run: (text: string, context) => (context.resumeValue === undefined ? context.pause("review") : text) }),
        ),
      });
    const paused = await define(new Agent({ modelId, model: new ScriptedModel(["Hello!", "Then goodbye."]) })).run("Hi");
    const fresh = new Agent({ modelId, model: new ScriptedModel() });
    const resumed = await define(fresh).resume(JSON.parse(JSON.stringify(paused.state)) as WorkflowState, { "chat/gate": "ok" });
    expect(resumed).toMatchObject({ status: "complete", output: "Then goodbye." });
    expect(fresh.conversation.messages.map((message) => message.content?.[0]?.text)).toEqual(["Hi", "Hello!", 'And after "Hello!"?', "Then goodbye."]);
  });

  it("an abort cancels the agent's run and leaves its conversation as it was", async () => {
    const controller = new AbortController();
    const model = new ScriptedModel([
      () => {
        controller.abort();
        return "too late";
      },
    ]);
    const agent = new Agent({ modelId, model });
    const error = await workflow({ name: "stop", steps: agentStep({ name: "talk", agent }) })
      .run("hello", { signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(WorkflowAbortError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ path: "stop/talk" });
    expect(agent.conversation.length).toBe(0);
    expect((await agent.send("again")).text).toBe("You said: again");
  });
});
