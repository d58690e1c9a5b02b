import { Agent, type Message, ModelCapabilityRegistry, inferenceProfileResolver } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { UsageLimitError, contextOverflowMiddleware, createTokenCounter, tokenBudgetManager, usageMiddleware } from "../src/index.js";
import { estimateRequestTokens } from "../src/internal.js";
import { useEmulator } from "./emulator-fixture.js";

const profileArn = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/1arbu5hu2sjr";
const local = useEmulator({ inferenceProfiles: [{ name: "dd-frmlo206", id: "1arbu5hu2sjr", model: "global.anthropic.claude-haiku-4-5-20251001-v1:0" }] });

const haiku35 = "anthropic.claude-3-5-haiku-20241022-v1:0";
const question = (text: string): Message[] => [{ role: "user", content: [{ text }] }];
const countCalls = () => local.emulator.requests.filter((request) => request.rawPath.includes("/count-tokens"));

describe("createTokenCounter over HTTP", () => {
  it("counts with CountTokens by the foundation-model ID, also when the request names a profile", async () => {
    const counter = createTokenCounter({ client: local.client() });
    const direct = await counter.count({ modelId: haiku35, messages: question("How deep is the reservoir today?"), system: [{ text: "Be brief." }] });
    const viaProfile = await counter.count({ modelId: `us.${haiku35}`, messages: question("How deep is the reservoir today?"), system: [{ text: "Be brief." }] });
    expect(direct.source).toBe("count-tokens");
    expect(viaProfile).toEqual(direct);
    expect(countCalls().map((request) => request.modelId)).toEqual([haiku35, haiku35]);
    expect(countCalls()[0]?.body).toMatchObject({ input: { converse: { system: [{ text: "Be brief." }] } } });
  });

  it("counts through an application profile once the registry resolved it", async () => {
    const client = local.client();
    const counter = createTokenCounter({ client, registry: new ModelCapabilityRegistry({ resolveProfile: inferenceProfileResolver({ client }) }) });
    expect((await counter.count({ modelId: profileArn, messages: question("Hi") })).source).toBe("count-tokens");
    expect(countCalls().at(-1)?.modelId).toBe("anthropic.claude-haiku-4-5-20251001-v1:0");
  });

  it("estimates for models without CountTokens, without asking", async () => {
    const counter = createTokenCounter({ client: local.client() });
    const request = { modelId: "us.anthropic.claude-opus-4-6-v1", messages: question("Hello there") };
    expect(await counter.count(request)).toEqual({ inputTokens: estimateRequestTokens(request), source: "estimate" });
    expect((await counter.count({ ...request, modelId: "amazon.nova-lite-v1:0" })).source).toBe("estimate");
    expect(countCalls()).toHaveLength(0);
  });

  it("falls back to the estimate when the service refuses counting, and does not ask again", async () => {
    // A registry that wrongly claims Nova counts tokens: the emulator refuses as the service does.
    const registry = new ModelCapabilityRegistry({ overrides: { "amazon.nova-lite-v1:0": { countTokens: true } } });
    const counter = createTokenCounter({ client: local.client(), registry });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect((await counter.count({ modelId: "amazon.nova-lite-v1:0", messages: question("Hi") })).source).toBe("estimate");
    }
    expect(countCalls()).toHaveLength(1);
    expect(countCalls()[0]?.response?.status).toBe(400);
  });
});

describe("token counts in usage limits and the context managers", () => {
  it("refuses a call whose counted input would pass maxInputTokens, before sending it", async () => {
    const usage = usageMiddleware({ limits: { maxInputTokens: 50 }, tokenCounter: createTokenCounter({ client: local.client() }) });
    const agent = new Agent({ modelId: haiku35, client: local.client(), middleware: [usage] });
    await agent.send("Hi");
    const error = await agent.send(`Summarise this report: ${"The river rose steadily overnight. ".repeat(40)}`).catch((caught: unknown) => caught);
    expect(UsageLimitError.isInstance(error) && error.limit).toBe("input-tokens");
    expect(local.emulator.requests.filter((request) => request.operation === "Converse")).toHaveLength(1);
    expect(countCalls()).toHaveLength(2);
  });

  it("lets the token-budget manager measure the conversation with CountTokens", async () => {
    const counter = createTokenCounter({ client: local.client() });
    const manager = tokenBudgetManager({ maxTokens: 400, tokenCounter: counter });
    const agent = new Agent({ modelId: haiku35, client: local.client(), middleware: [contextOverflowMiddleware({ manager })] });
    for (const turn of ["First question about the dam?", "Second question about the gauges?"]) await agent.send(`${turn} ${"Context. ".repeat(60)}`);
    local.emulator.clearRequests();
    local.emulator.injectFault({ firstCalls: 1, effect: { type: "error", exception: "ValidationException", message: "Input is too long for requested model." } });
    local.emulator.enqueue({ text: "Short answer." });
    const result = await agent.send("Third question?");
    expect(result.text).toBe("Short answer.");
    expect(countCalls()).toHaveLength(1);
    const sent = local.emulator.requests.filter((request) => request.operation === "Converse");
    expect((sent.at(-1)?.body as { messages: Message[] }).messages.length).toBeLessThan((sent[0]?.body as { messages: Message[] }).messages.length);
  });
});
