import { DBOS } from "@dbos-inc/dbos-sdk";
import { Agent } from "@sluice/core";
import { startEmulator, type Emulator } from "@sluice/emulator";
import { describeWithService, postgresService, testNamespace } from "@sluice/test-services";
import { approvalMiddleware, defineTool } from "@sluice/tools";
import { afterAll, beforeAll, expect, it } from "vitest";
import { z } from "zod";
import { DurableConfigurationError, DurableWaitTimeoutError, durableAgent, durableMiddleware } from "../src/index.js";
import { dropSystemDatabase, systemDatabaseUrl } from "./dbos-fixture.js";
import { modelId, supportScript } from "./fixtures/durable-support.js";

// DBOS in this test process: what the steps of a durable run are called, and the guard against
// an agent that was not given durableMiddleware().
const service = await postgresService();
const namespace = testNamespace(import.meta.url);
let emulator: Emulator;
const calls: string[] = [];

const tools = [
  defineTool({ name: "lookup_order", description: "Finds an order.", input: z.object({ orderId: z.string() }), handler: ({ orderId }) => (calls.push(`lookup ${orderId}`), "one kettle") }),
  defineTool({ name: "refund_order", description: "Refunds an order.", input: z.object({ orderId: z.string(), cents: z.number() }), handler: ({ orderId }) => (calls.push(`refund ${orderId}`), "refunded") }),
];
const durable = durableAgent({ name: "in-process", agent: () => new Agent({ modelId, clientOptions: emulator.clientOptions, tools, middleware: [durableMiddleware()] }) });
const impatient = durableAgent({
  name: "impatient",
  waitSeconds: 1,
  agent: () => new Agent({ modelId, clientOptions: emulator.clientOptions, tools, middleware: [approvalMiddleware({ tools: ["refund_order"] }), durableMiddleware()] }),
});
const forgetful = durableAgent({ name: "forgetful", agent: () => new Agent({ modelId, clientOptions: emulator.clientOptions, tools }) });

describeWithService(service, "durable agent runs in one process", () => {
  beforeAll(async () => {
    emulator = await startEmulator({ script: supportScript });
    DBOS.setConfig({ name: "sluice-dbos-in-process", systemDatabaseUrl: systemDatabaseUrl(namespace), applicationVersion: "in-process-1", logLevel: "error" });
    await DBOS.launch();
  });
  afterAll(async () => {
    await DBOS.shutdown();
    await emulator?.close();
    await dropSystemDatabase(namespace);
  });

  it("checkpoints each model call and each tool call as a step named after it, and a finished run returns its stored result", async () => {
    const handle = await durable.start("Please refund order 1042.", { workflowId: "named-steps" });
    const result = await handle.result();
    expect(result.text).toBe("Done: $25.00 is on its way back.");
    const steps = (await DBOS.listWorkflowSteps("named-steps")) ?? [];
    const names = steps.map((step) => step.name);
    expect(names).toEqual(["sluice.model:1", expect.stringMatching(/^sluice\.tool:lookup_order:tooluse_/), "sluice.model:2", expect.stringMatching(/^sluice\.tool:refund_order:tooluse_/), "sluice.model:3"]);
    const toolUse = result.steps[0]?.toolCalls[0]?.toolUseId;
    expect(names[1]).toBe(`sluice.tool:lookup_order:${toolUse}`);

    // Starting the same workflow id again returns the finished run: nothing is sent or run again.
    const sent = emulator.requests.length;
    const again = await durable.run("Please refund order 1042.", { workflowId: "named-steps" });
    expect(again.text).toBe(result.text);
    expect(emulator.requests).toHaveLength(sent);
    expect(calls).toEqual(["lookup 1042", "refund 1042"]);
  });

  it("fails a run whose agent has no durableMiddleware(), saying to add it", async () => {
    const error = await forgetful.run("Please refund order 7.").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/made model calls that were not DBOS steps.*Add durableMiddleware\(\)/);
    expect(DurableConfigurationError.isInstance(error)).toBe(true);
  });

  it("ends a run whose approval is not answered within waitSeconds with DurableWaitTimeoutError, the refund not run", async () => {
    calls.length = 0;
    const handle = await impatient.start("Please refund order 9.", { workflowId: "impatient" });
    const [pending] = await handle.pending({ timeoutSeconds: 10 });
    expect(pending).toMatchObject({ reason: "approval-required", toolName: "refund_order" });
    const error = await handle.result().catch((caught: unknown) => caught);
    expect(DurableWaitTimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ workflowId: "impatient", pendingId: pending?.id });
    expect(calls).toEqual(["lookup 1042"]);
  });
});
