import { ConverseCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import type { Message, SystemContentBlock, Tool } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import type { Emulator } from "../src/index.js";
import { bedrockClient, postJson, userText } from "./helpers/clients.js";

let clock = 1_000_000;
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ now: () => clock });
});
afterAll(async () => {
  await emulator?.close();
});
beforeEach(() => emulator.reset());

const sonnet45 = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
// About 2,500 estimated tokens: above every Claude minimum except Haiku 4.5's 4,096.
const rules = `You answer questions about the water network. ${"Follow the operating manual precisely and cite the section. ".repeat(170)}`;
const point = (ttl?: "5m" | "1h") => ({ cachePoint: { type: "default" as const, ...(ttl === undefined ? {} : { ttl }) } });

async function converse(modelId: string, system: SystemContentBlock[], messages: Message[], toolConfig?: { tools: Tool[] }) {
  const client = bedrockClient(emulator);
  try {
    return await client.send(new ConverseCommand({ modelId, system, messages, ...(toolConfig === undefined ? {} : { toolConfig }) }));
  } finally {
    client.destroy();
  }
}

describe("prompt caching", () => {
  it("writes a cached prefix once, then reads it until its TTL runs out", async () => {
    const system = [{ text: rules }, point()];
    const first = await converse(sonnet45, system, [userText("Level at gauge A?")]);
    expect(first.usage?.cacheWriteInputTokens).toBeGreaterThan(2_000);
    expect(first.usage?.cacheReadInputTokens).toBe(0);
    expect(first.usage?.cacheDetails).toEqual([{ ttl: "5m", inputTokens: first.usage?.cacheWriteInputTokens }]);
    const written = first.usage?.cacheWriteInputTokens ?? 0;
    expect(first.usage?.totalTokens).toBe((first.usage?.inputTokens ?? 0) + written + (first.usage?.outputTokens ?? 0));

    clock += 4 * 60_000;
    const second = await converse(sonnet45, system, [userText("And gauge B?")]);
    expect(second.usage).toMatchObject({ cacheReadInputTokens: written, cacheWriteInputTokens: 0 });
    expect(second.usage?.cacheDetails).toBeUndefined();

    clock += 6 * 60_000; // the read at minute 4 restarted the five minutes, which ended at minute 9
    const third = await converse(sonnet45, system, [userText("And gauge C?")]);
    expect(third.usage).toMatchObject({ cacheReadInputTokens: 0, cacheWriteInputTokens: written });
  });

  it("keeps a 1-hour entry for an hour, and reports writes per TTL with 1h first", async () => {
    const tools: Tool[] = [{ toolSpec: { name: "lookup", description: rules, inputSchema: { json: { type: "object" } } } }, point("1h") as Tool];
    const first = await converse(sonnet45, [{ text: rules }, point("5m")], [userText("Hi")], { tools });
    expect(first.usage?.cacheDetails?.map((detail) => detail.ttl)).toEqual(["1h", "5m"]);
    expect(first.usage?.cacheDetails?.reduce((sum, detail) => sum + (detail.inputTokens ?? 0), 0)).toBe(first.usage?.cacheWriteInputTokens);
    clock += 30 * 60_000;
    const later = await converse(sonnet45, [{ text: rules }, point("5m")], [userText("Hi")], { tools });
    // The tool definitions (1h) are still cached; the system prompt (5m) is written again.
    expect(later.usage?.cacheReadInputTokens).toBe(first.usage?.cacheDetails?.[0]?.inputTokens);
    expect(later.usage?.cacheDetails).toEqual([{ ttl: "5m", inputTokens: first.usage?.cacheDetails?.[1]?.inputTokens }]);
  });

  it("does not cache a prefix below the model's minimum, without an error", async () => {
    const response = await converse(sonnet45, [{ text: "Be brief." }, point()], [userText("Hi")]);
    expect(response.usage).toMatchObject({ cacheReadInputTokens: 0, cacheWriteInputTokens: 0 });
    const haiku = await converse("us.anthropic.claude-haiku-4-5-20251001-v1:0", [{ text: rules }, point()], [userText("Hi")]);
    expect(haiku.usage?.cacheWriteInputTokens).toBe(0); // Haiku 4.5 needs 4,096 tokens
  });

  it("reports cache counts the way each model does", async () => {
    // Claude Sonnet 5 (recorded): a read count always, a write count only when something was written.
    const sonnet5 = await converse("us.anthropic.claude-sonnet-5", [{ text: "Be brief." }], [userText("Hi")]);
    expect(sonnet5.usage).toMatchObject({ cacheReadInputTokens: 0 });
    expect(sonnet5.usage?.cacheWriteInputTokens).toBeUndefined();
    // Nova: the counts appear when the request has cache points.
    const novaPlain = await converse("us.amazon.nova-lite-v1:0", [{ text: "Be brief." }], [userText("Hi")]);
    expect(novaPlain.usage?.cacheReadInputTokens).toBeUndefined();
    const novaCached = await converse("us.amazon.nova-lite-v1:0", [{ text: rules }, point()], [userText("Hi")]);
    expect(novaCached.usage?.cacheWriteInputTokens).toBeGreaterThan(1_000);
    // Llama has no prompt caching: no counts at all.
    const llama = await converse("us.meta.llama3-1-8b-instruct-v1:0", [{ text: "Be brief." }], [userText("Hi")]);
    expect(llama.usage?.cacheReadInputTokens).toBeUndefined();
  });

  it("counts Claude's native cache_control on InvokeModel, with the TTL split in usage.cache_creation", async () => {
    const client = bedrockClient(emulator);
    const body = {
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 50,
      system: [{ type: "text", text: rules, cache_control: { type: "ephemeral", ttl: "1h" } }],
      messages: [{ role: "user", content: "Hi" }],
    };
    const response = await client.send(new InvokeModelCommand({ modelId: "us.anthropic.claude-haiku-4-5-20251001-v1:0", body: JSON.stringify({ ...body, system: [{ ...body.system[0], text: rules.repeat(2) }] }) }));
    const usage = (JSON.parse(Buffer.from(response.body).toString("utf8")) as { usage: Record<string, unknown> }).usage;
    expect(usage["cache_creation_input_tokens"]).toBeGreaterThan(4_096);
    expect(usage["cache_creation"]).toEqual({ ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: usage["cache_creation_input_tokens"] });
    client.destroy();
  });
});

describe("cache point rules", () => {
  async function refusal(modelId: string, body: Record<string, unknown>): Promise<string> {
    const response = await postJson(emulator, `/model/${encodeURIComponent(modelId)}/converse`, { messages: [userText("Hi")], ...body });
    expect(response.status).toBe(400);
    return (JSON.parse(response.text) as { message: string }).message;
  }

  it("refuses cache points on a model without prompt caching, in the service's words", async () => {
    expect(await refusal("anthropic.claude-3-sonnet-20240229-v1:0", { system: [{ text: rules }, point()] })).toBe(
      "You invoked an unsupported model or your request did not allow prompt caching. See the documentation for more information.",
    );
  });

  it("refuses a tool-definition cache point on Nova and a 1-hour TTL on a model without it", async () => {
    const tools = [{ toolSpec: { name: "lookup", inputSchema: { json: { type: "object" } } } }, point()];
    expect(await refusal("amazon.nova-pro-v1:0", { toolConfig: { tools } })).toMatch(/^You invoked an unsupported model/);
    expect(await refusal("us.anthropic.claude-3-7-sonnet-20250219-v1:0", { system: [{ text: rules }, point("1h")] })).toMatch(/^You invoked an unsupported model/);
  });

  it("refuses a longer TTL after a shorter one (tools, then system, then messages), naming the block as Claude does", async () => {
    const messages = [{ role: "user", content: [{ text: "Hi" }, point("1h")] }];
    expect(await refusal(sonnet45, { system: [{ text: rules }, point()], messages })).toBe(
      "The model returned the following errors: messages.0.content.0.cache_control.ttl: a ttl='1h' cache_control block must not come after a ttl='5m' cache_control block",
    );
    const accepted = await postJson(emulator, `/model/${encodeURIComponent(sonnet45)}/converse`, { system: [{ text: rules }, point("1h")], messages });
    expect(accepted.status).toBe(200);
  });

  it("refuses more than four cache points on Claude", async () => {
    const system = [1, 2, 3, 4, 5].flatMap((index) => [{ text: `${rules} ${index}` }, point()]);
    expect(await refusal(sonnet45, { system })).toBe("The model returned the following errors: A maximum of 4 blocks with cache_control may be provided. Found 5.");
  });
});
