import { Agent, ConfigurationError, ModelCapabilityError, ModelCapabilityRegistry } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { serviceTierMiddleware, withServiceTier } from "../src/index.js";
import { useEmulator } from "./emulator-fixture.js";

const local = useEmulator();
const modelId = "us.amazon.nova-lite-v1:0";
const sentTiers = () => local.emulator.requests.map((request) => (request.body as { serviceTier?: { type: string } }).serviceTier?.type);

describe("service tiers over HTTP", () => {
  it("chooses per step: priority for the interactive first call, flex for the steps after tools", async () => {
    local.emulator.enqueue([{ toolCalls: [{ name: "lookup", input: {} }] }, { text: "Done." }]);
    const agent = new Agent({
      modelId,
      client: local.client(),
      tools: [{ name: "lookup", description: "Looks up.", inputSchema: { type: "object" }, invoke: async () => ({ content: [{ text: "ok" }] }) }],
      middleware: [serviceTierMiddleware({ tier: (call) => (call.step === 1 ? "priority" : "flex") })],
    });
    await agent.send("Go");
    expect(sentTiers()).toEqual(["priority", "flex"]);
    expect(local.emulator.requests.every((request) => request.response?.status === 200)).toBe(true);
  });

  it("lets one call override the agent's tier with withServiceTier, and only that call", async () => {
    const agent = new Agent({ modelId, client: local.client(), serviceTier: "flex", middleware: [serviceTierMiddleware()] });
    await agent.send("Background work");
    await withServiceTier("priority", () => agent.send("A person is waiting"));
    await agent.send("Background again");
    expect(sentTiers()).toEqual(["flex", "priority", "flex"]);
  });

  it("passes the service's refusal of a reserved tier without a reservation through as a BedrockError", async () => {
    const agent = new Agent({ modelId, client: local.client(), middleware: [serviceTierMiddleware({ tier: "reserved" })] });
    await expect(agent.send("Hi")).rejects.toThrow(/Reservation not found/);
  });

  it("refuses a tier the registry says the model lacks, and unknown tiers, before any call", async () => {
    const registry = new ModelCapabilityRegistry({ overrides: { "amazon.nova-lite-v1:0": { serviceTiers: ["default", "flex"] } } });
    const agent = new Agent({ modelId, client: local.client(), middleware: [serviceTierMiddleware({ tier: "priority", registry })] });
    const error = await agent.send("Hi").catch((caught: unknown) => caught);
    expect(ModelCapabilityError.isInstance(error) && error.capability).toBe("serviceTier:priority");
    expect(() => serviceTierMiddleware({ tier: "fast" as never })).toThrow(ConfigurationError);
    expect(() => withServiceTier("turbo" as never, () => undefined)).toThrow(/use one of "default", "flex", "priority", "reserved"/);
    expect(local.emulator.requests).toHaveLength(0);
  });
});
