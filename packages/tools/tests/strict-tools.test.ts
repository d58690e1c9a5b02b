import { Agent, createBedrockClient } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool, strictToolsMiddleware } from "../src/index.js";
import { useEmulator } from "./emulator-fixture.js";

const local = useEmulator();

const release = defineTool({
  name: "set_release",
  description: "Sets a sluice gate's release in cubic metres per second.",
  input: z.object({ gate: z.string(), rate: z.number().min(0).max(500), checks: z.array(z.string()).max(3) }),
  handler: ({ gate, rate }) => `${gate} releases ${rate}`,
});

function agentOn(modelId: string): Agent {
  const client = createBedrockClient({ endpoint: local.emulator.url, region: "us-east-1", credentials: { accessKeyId: "t", secretAccessKey: "t" }, maxAttempts: 1 });
  return new Agent({ modelId, client, tools: [release], middleware: [strictToolsMiddleware()] });
}

const sentSpec = () => (local.body(-1).toolConfig?.["tools"][0] as { toolSpec: { strict?: boolean; inputSchema: { json: Record<string, any> } } }).toolSpec;

describe("strictToolsMiddleware over HTTP", () => {
  it("marks tools strict on a model that takes it, sending a schema its compiler accepts", async () => {
    local.emulator.enqueue([{ toolCalls: [{ name: "set_release", input: { gate: "north", rate: 120, checks: [] } }] }, { text: "Done." }]);
    const result = await agentOn("us.anthropic.claude-sonnet-4-5-20250929-v1:0").send("Open the north gate to 120.");
    expect(result.text).toBe("Done.");
    expect(sentSpec().strict).toBe(true);
    expect(sentSpec().inputSchema.json).toMatchObject({ additionalProperties: false, properties: { rate: { type: "number" }, checks: { type: "array" } } });
    expect(JSON.stringify(sentSpec().inputSchema.json)).not.toMatch(/maximum|maxItems/);
    expect(local.emulator.requests.every((request) => request.response?.status === 200)).toBe(true);
  });

  it("leaves tools as they are on a model without strict tools (Claude Sonnet 5 refuses the member)", async () => {
    await agentOn("us.anthropic.claude-sonnet-5").send("Hello");
    expect(sentSpec().strict).toBeUndefined();
    expect(sentSpec().inputSchema.json["properties"]["rate"]).toMatchObject({ maximum: 500 });
    expect(local.emulator.requests.at(-1)?.response?.status).toBe(200);
  });
});
