import { ConfigurationError, type AgentOptions } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { approvalMiddleware, approve, defineTool, deny, pendingApprovals } from "../src/index.js";
import { useEmulator } from "./emulator-fixture.js";

const local = useEmulator();

const refunds: Array<{ order: string; cents: number }> = [];
const refund = defineTool({
  name: "refund_order",
  description: "Refunds an order",
  input: z.object({ order: z.string(), cents: z.number().int().positive() }),
  needsApproval: ({ cents }) => cents > 10_000,
  handler: ({ order, cents }) => (refunds.push({ order, cents }), `Refunded ${cents} cents on ${order}.`),
});
const lookup = defineTool({
  name: "lookup_order",
  description: "Looks an order up",
  input: z.object({ order: z.string() }),
  handler: ({ order }) => ({ order, total: 25_000 }),
});

const options = (): Omit<AgentOptions, "modelId" | "client"> => ({ tools: [refund, lookup], middleware: [approvalMiddleware()] });

describe("human approval over HTTP", () => {
  it("pauses, survives a snapshot into a new Agent, and resumes approved", async () => {
    refunds.length = 0;
    local.emulator.enqueue([
      {
        toolCalls: [
          { name: "lookup_order", input: { order: "A-17" }, toolUseId: "tooluse_lookup" },
          { name: "refund_order", input: { order: "A-17", cents: 25_000 }, toolUseId: "tooluse_refund" },
        ],
      },
      { text: "The refund is done." },
    ]);
    const first = local.agent(options());
    const paused = await first.send("Refund order A-17 in full");
    expect(paused.status).toBe("interrupted");
    expect(pendingApprovals(paused)).toEqual([
      {
        toolUseId: "tooluse_refund",
        name: "refund_order",
        input: { order: "A-17", cents: 25_000 },
        reason: "approval-required",
        data: { kind: "approval", description: "Refunds an order" },
      },
    ]);
    expect(refunds).toEqual([]);
    expect(local.emulator.requests).toHaveLength(1);

    // A process restart: only JSON survives.
    const saved = JSON.stringify(first.snapshot());
    const second = local.agent(options());
    second.restore(JSON.parse(saved));
    expect(pendingApprovals(second.pendingInterrupts).map((pending) => pending.toolUseId)).toEqual(["tooluse_refund"]);
    const resumed = await second.resume({ tooluse_refund: approve() });
    expect(resumed.status).toBe("complete");
    expect(resumed.text).toBe("The refund is done.");
    expect(refunds).toEqual([{ order: "A-17", cents: 25_000 }]);
    const results = local.body(1).messages?.at(-1)?.content.map((block) => block["toolResult"]);
    expect(results?.map((entry) => [entry.toolUseId, entry.status])).toEqual([["tooluse_lookup", "success"], ["tooluse_refund", "success"]]);
    expect(results?.[0].content).toEqual([{ json: { order: "A-17", total: 25_000 } }]);
    await local.expectHistoryAccepted(second);
  });

  it("sends a denial with its reason to the model, which carries on", async () => {
    refunds.length = 0;
    local.emulator.enqueue([{ toolCalls: [{ name: "refund_order", input: { order: "B-2", cents: 50_000 } }] }, { text: "A manager must approve this." }]);
    const agent = local.agent(options());
    const paused = await agent.send("Refund B-2");
    const [pending] = pendingApprovals(paused);
    const result = await agent.resume({ [pending!.toolUseId]: deny("Refunds over $100 need a manager.") });
    expect(result.text).toBe("A manager must approve this.");
    expect(refunds).toEqual([]);
    expect(local.body(1).messages?.at(-1)?.content[0]?.["toolResult"]).toMatchObject({
      status: "error",
      content: [{ text: "The user denied the call to refund_order, so it did not run. Reason: Refunds over $100 need a manager." }],
    });
    await local.expectHistoryAccepted(agent);
  });

  it("runs calls below the approval threshold at once, and takes corrected input on approval", async () => {
    refunds.length = 0;
    local.emulator.enqueue([
      { toolCalls: [{ name: "refund_order", input: { order: "C-3", cents: 500 } }] },
      { toolCalls: [{ name: "refund_order", input: { order: "C-3", cents: 90_000 } }] },
      { text: "Refunded what was allowed." },
    ]);
    const agent = local.agent(options());
    const paused = await agent.send("Refund C-3");
    expect(refunds).toEqual([{ order: "C-3", cents: 500 }]);
    const [pending] = pendingApprovals(paused);
    await agent.resume({ [pending!.toolUseId]: approve({ input: { order: "C-3", cents: 20_000 } }) });
    expect(refunds).toEqual([{ order: "C-3", cents: 500 }, { order: "C-3", cents: 20_000 }]);
    await local.expectHistoryAccepted(agent);
  });

  it("refuses a resume value that is not a decision, and stays paused for a proper one", async () => {
    local.emulator.enqueue([{ toolCalls: [{ name: "refund_order", input: { order: "D-4", cents: 99_999 }, toolUseId: "tooluse_d4" }] }, { text: "Done." }]);
    const agent = local.agent(options());
    await agent.send("Refund D-4");
    const error = await agent.resume({ tooluse_d4: "yes" }).catch((e: unknown) => e);
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/not an approval decision: "yes"/);
    await expect(agent.resume({ tooluse_d4: deny("  ") })).rejects.toThrow(/non-blank reason/);
    expect(agent.pendingInterrupts).toHaveLength(1);
    expect((await agent.resume({ tooluse_d4: approve() })).text).toBe("Done.");
    await local.expectHistoryAccepted(agent);
  });

  it("pauses a streamed run too, with a tool-interrupt event for the application", async () => {
    local.emulator.enqueue([{ toolCalls: [{ name: "refund_order", input: { order: "F-6", cents: 30_000 }, toolUseId: "tooluse_f6" }] }, { text: "Refunded." }]);
    const agent = local.agent(options());
    const stream = agent.stream("Refund F-6");
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect((await stream.result).status).toBe("interrupted");
    expect(types).toContain("tool-interrupt");
    expect(types).not.toContain("tool-result");
    expect(types.at(-1)).toBe("finish");
    await expect(agent.send("Something else")).rejects.toThrow(/paused/);
    expect((await agent.resume({ tooluse_f6: approve() })).text).toBe("Refunded.");
    await local.expectHistoryAccepted(agent);
  });

  it("asks approval for tools named in the options, and for raw tools flagged in metadata", async () => {
    const wipe = { name: "wipe_disk", description: "Wipes", inputSchema: { type: "object", properties: {} }, metadata: { needsApproval: true }, invoke: async () => ({ content: [{ text: "wiped" }] }) };
    local.emulator.enqueue([{ toolCalls: [{ name: "lookup_order", input: { order: "E" } }, { name: "wipe_disk" }] }]);
    const agent = local.agent({ tools: [lookup, wipe], middleware: [approvalMiddleware({ tools: ["lookup_order"] })] });
    const paused = await agent.send("Look up and wipe");
    expect(pendingApprovals(paused).map((pending) => pending.name)).toEqual(["lookup_order", "wipe_disk"]);
  });
});
