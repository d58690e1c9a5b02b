import { ConverseCommand, CountTokensCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { capabilitiesFor, startEmulator } from "../src/index.js";
import type { Emulator } from "../src/index.js";
import { bedrockClient, postJson, userText } from "./helpers/clients.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ modelCapabilities: { "amazon.nova-micro-v1:0": { countTokens: true } } });
});
afterAll(async () => {
  await emulator?.close();
});
beforeEach(() => emulator.reset());

async function refusal(modelId: string, body: Record<string, unknown>): Promise<string> {
  const response = await postJson(emulator, `/model/${encodeURIComponent(modelId)}/converse`, { messages: [userText("Hi")], ...body });
  expect(response.status, response.text).toBe(400);
  return (JSON.parse(response.text) as { message: string }).message;
}

const schema = JSON.stringify({ type: "object", properties: { city: { type: "string" } }, required: ["city"], additionalProperties: false });
const outputConfig = { textFormat: { type: "json_schema", structure: { jsonSchema: { name: "City", schema } } } };
const strictTool = { toolSpec: { name: "lookup", inputSchema: { json: { type: "object", properties: {}, additionalProperties: false } }, strict: true } };

describe("model capabilities", () => {
  it("knows what current models accept", () => {
    expect(capabilitiesFor("global.anthropic.claude-opus-4-8")).toMatchObject({ thinking: ["enabled", "adaptive"], nativeStructuredOutput: true, strictTools: true, countTokens: false });
    expect(capabilitiesFor("us.anthropic.claude-sonnet-5").strictTools).toBe(false);
    expect(capabilitiesFor("anthropic.claude-sonnet-4-20250514-v1:0")).toMatchObject({ thinking: ["enabled"], nativeStructuredOutput: false, countTokens: true });
    expect(capabilitiesFor("qwen.qwen3-32b-v1:0")).toMatchObject({ nativeStructuredOutput: true, countTokens: false });
    expect(capabilitiesFor("meta.llama3-1-8b-instruct-v1:0").promptCaching).toBeUndefined();
  });
});

describe("CountTokens", () => {
  it("counts for a Claude model addressed by its foundation-model ID (as recorded)", async () => {
    const client = bedrockClient(emulator);
    const counted = await client.send(new CountTokensCommand({ modelId: "anthropic.claude-sonnet-4-20250514-v1:0", input: { converse: { messages: [userText("How many tokens is this?")] } } }));
    expect(counted.inputTokens).toBeGreaterThan(0);
    client.destroy();
  });

  it("refuses inference-profile IDs, models without token counting, and follows an override", async () => {
    const client = bedrockClient(emulator);
    const input = { converse: { messages: [userText("Hi")] } };
    for (const modelId of ["us.anthropic.claude-sonnet-4-20250514-v1:0", "amazon.nova-lite-v1:0", "anthropic.claude-sonnet-4-6"]) {
      const failure = (await client.send(new CountTokensCommand({ modelId, input })).catch((error: unknown) => error)) as { name: string; message: string };
      expect([failure.name, failure.message]).toEqual(["ValidationException", "The provided model doesn't support counting tokens."]);
    }
    expect((await client.send(new CountTokensCommand({ modelId: "amazon.nova-micro-v1:0", input }))).inputTokens).toBeGreaterThan(0);
    client.destroy();
  });
});

describe("service tiers", () => {
  it("echoes flex and priority on Converse and InvokeModel", async () => {
    const client = bedrockClient(emulator);
    const converse = await client.send(new ConverseCommand({ modelId: "amazon.nova-pro-v1:0", messages: [userText("Hi")], serviceTier: { type: "priority" } }));
    expect(converse.serviceTier).toEqual({ type: "priority" });
    const invoke = await client.send(new InvokeModelCommand({ modelId: "amazon.nova-pro-v1:0", serviceTier: "flex", body: JSON.stringify({ messages: [{ role: "user", content: [{ text: "Hi" }] }] }) }));
    expect(invoke.serviceTier).toBe("flex");
    client.destroy();
  });

  it("refuses a reserved tier without a reservation and an unknown tier, as reported live", async () => {
    expect(await refusal("amazon.nova-pro-v1:0", { serviceTier: { type: "reserved" } })).toBe("Reservation not found.");
    expect(await refusal("amazon.nova-pro-v1:0", { serviceTier: { type: "cheapest" } })).toBe("service tier provided is invalid");
  });
});

describe("Claude reasoning and structured output", () => {
  it("takes adaptive thinking with effort from Claude 4.6 on, and names the accepted tags before", async () => {
    const adaptive = { additionalModelRequestFields: { thinking: { type: "adaptive" }, output_config: { effort: "high" } } };
    expect((await postJson(emulator, `/model/${encodeURIComponent("us.anthropic.claude-sonnet-4-6")}/converse`, { messages: [userText("Hi")], ...adaptive })).status).toBe(200);
    expect(await refusal("us.anthropic.claude-sonnet-4-5-20250929-v1:0", adaptive)).toBe(
      "The model returned the following errors: thinking: Input tag 'adaptive' found using 'type' does not match any of the expected tags: 'disabled', 'enabled'",
    );
    expect(await refusal("us.anthropic.claude-sonnet-4-5-20250929-v1:0", { additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 100 } } })).toBe(
      "The model returned the following errors: thinking.enabled.budget_tokens: Input should be greater than or equal to 1024",
    );
  });

  it("accepts native structured output and strict tools where the model has them, and refuses them elsewhere", async () => {
    const ok = await postJson(emulator, `/model/${encodeURIComponent("us.anthropic.claude-sonnet-4-6")}/converse`, { messages: [userText("Hi")], outputConfig, toolConfig: { tools: [strictTool] } });
    expect(ok.status, ok.text).toBe(200);
    expect(await refusal("us.anthropic.claude-3-7-sonnet-20250219-v1:0", { outputConfig })).toBe("The model returned the following errors: output_config: Extra inputs are not permitted");
    expect(await refusal("us.anthropic.claude-sonnet-5", { toolConfig: { tools: [strictTool] } })).toBe("The model returned the following errors: tools.0.custom.strict: Extra inputs are not permitted");
  });

  it("answers native structured output with JSON that fits the schema, on Converse and on Claude's and Qwen's native bodies", async () => {
    const converse = await postJson(emulator, `/model/${encodeURIComponent("us.anthropic.claude-sonnet-4-6")}/converse`, { messages: [userText("Where?")], outputConfig });
    expect(JSON.parse((JSON.parse(converse.text) as { output: { message: { content: Array<{ text: string }> } } }).output.message.content[0]?.text ?? "")).toEqual({ city: "text" });
    const client = bedrockClient(emulator);
    const claudeBody = { anthropic_version: "bedrock-2023-05-31", max_tokens: 100, messages: [{ role: "user", content: "Where?" }], output_config: { format: { type: "json_schema", schema: JSON.parse(schema) as object } } };
    const claude = await client.send(new InvokeModelCommand({ modelId: "us.anthropic.claude-sonnet-4-6", body: JSON.stringify(claudeBody) }));
    expect(JSON.parse((JSON.parse(Buffer.from(claude.body).toString("utf8")) as { content: Array<{ text: string }> }).content[0]?.text ?? "")).toEqual({ city: "text" });
    const qwenBody = { messages: [{ role: "user", content: "Where?" }], response_format: { type: "json_schema", json_schema: { name: "City", schema: JSON.parse(schema) as object } } };
    const qwen = await client.send(new InvokeModelCommand({ modelId: "qwen.qwen3-32b-v1:0", body: JSON.stringify(qwenBody) }));
    expect(JSON.parse((JSON.parse(Buffer.from(qwen.body).toString("utf8")) as { choices: Array<{ message: { content: string } }> }).choices[0]?.message.content ?? "")).toEqual({ city: "text" });
    const refused = await client
      .send(new InvokeModelCommand({ modelId: "us.anthropic.claude-sonnet-4-6", body: JSON.stringify({ ...claudeBody, output_config: { format: { type: "json_schema", schema: { type: "array", items: { type: "string" }, maxItems: 3 } } } }) }))
      .catch((error: unknown) => error as Error);
    expect((refused as Error).message).toBe("The model returned the following errors: output_config.format.schema: For 'array' type, property 'maxItems' is not supported");
    client.destroy();
  });
});
