import { Agent } from "@sluice/core";
import { step, workflow } from "@sluice/workflows";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DurableConfigurationError, answerDurableRun, dbosStepExecutor, durableAgent, durableWorkflow, registerModelQueue } from "../src/index.js";

// Misuse that needs no database: each is a typed error that says what to do.
describe("durable configuration errors", () => {
  const agent = () => new Agent({ modelId: "us.anthropic.claude-3-5-haiku-20241022-v1:0" });

  it("refuses a name DBOS could not keep stable, and a missing agent factory", () => {
    expect(() => durableAgent({ name: "has spaces", agent })).toThrow(DurableConfigurationError);
    expect(() => durableAgent({ name: "", agent })).toThrow(/name must be 1-100 letters/);
    expect(() => durableAgent({ name: "ok", agent: undefined as never })).toThrow(/agent must be a function/);
    expect(() => durableAgent({ name: "ok-wait", agent, waitSeconds: 0 })).toThrow(/waitSeconds must be a positive number/);
  });

  it("says to launch DBOS first when a run starts before DBOS.launch()", async () => {
    const early = durableAgent({ name: "early", agent });
    await expect(early.start("hi")).rejects.toThrow(/await DBOS.launch\(\) first/);
  });

  it("refuses a second durable agent with the same name", () => {
    durableAgent({ name: "twice", agent });
    expect(() => durableAgent({ name: "twice", agent })).toThrow(DurableConfigurationError);
  });

  it("refuses a step executor used outside a DBOS workflow, naming the step", async () => {
    const flow = workflow({ name: "plain", steps: step({ name: "only", input: z.string(), run: (text: string) => text }) });
    await expect(flow.run("x", { executor: dbosStepExecutor() })).rejects.toThrow(/Step "plain\/only" runs with dbosStepExecutor\(\) outside a DBOS workflow/);
    expect(() => durableWorkflow({} as never)).toThrow(/pass a workflow made by workflow/);
  });

  it("checks queue limits and answers before touching the database", async () => {
    await expect(registerModelQueue("", {})).rejects.toThrow(/give the model id/);
    await expect(registerModelQueue("m", { concurrency: 0 })).rejects.toThrow(/concurrency must be a whole number of at least 1/);
    await expect(registerModelQueue("m", { rateLimit: { runs: 5, perSeconds: -1 } })).rejects.toThrow(/rateLimit.perSeconds must be a positive number/);
    await expect(answerDurableRun("wf", [] as never)).rejects.toThrow(/values must be an object/);
  });
});
