import { Agent, type AgentTool, type Message, type SystemContentBlock, type Tool } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { promptCacheSupport, promptCachingMiddleware } from "../src/index.js";
import { useEmulator } from "./emulator-fixture.js";

const local = useEmulator();

const claude = "us.anthropic.claude-3-7-sonnet-20250219-v1:0";
const longSystem = `You are a careful assistant for a water utility. ${"Follow the operating manual precisely. ".repeat(150)}`;
const lookup: AgentTool = {
  name: "lookup",
  // Long enough (over 1,024 estimated tokens) for a cache point after the tools to count.
  description: `Looks a gauge reading up. ${"Gauges are named by river and kilometre. ".repeat(110)}`,
  inputSchema: { type: "object", properties: { gauge: { type: "string" } } },
  invoke: async () => ({ content: [{ text: "1.2 m" }] }),
};

interface SentBody {
  system?: SystemContentBlock[];
  messages: Message[];
  toolConfig?: { tools: Tool[] };
}
const lastBody = () => local.emulator.requests.at(-1)?.body as SentBody;
const pointsIn = (body: SentBody) => ({
  system: (body.system ?? []).filter((block) => block.cachePoint).length,
  tools: (body.toolConfig?.tools ?? []).filter((tool) => tool.cachePoint).length,
  messages: body.messages.map((message) => (message.content ?? []).filter((block) => block.cachePoint).length),
});

async function converse(agent: Agent, turns: string[]): Promise<void> {
  for (const turn of turns) await agent.send(turn);
}

describe("promptCachingMiddleware over HTTP", () => {
  it("places points after system, tools and the two newest user messages, within the limit of four", async () => {
    const agent = new Agent({ modelId: claude, client: local.client(), system: longSystem, tools: [lookup], middleware: [promptCachingMiddleware()] });
    await converse(agent, ["Level at gauge A?", "And at gauge B?", "Thanks, and gauge C?"]);
    const body = lastBody();
    expect(pointsIn(body)).toEqual({ system: 1, tools: 1, messages: [0, 0, 1, 0, 1] });
    expect(body.system?.at(-1)).toEqual({ cachePoint: { type: "default" } });
    expect(body.messages.at(-1)?.content?.at(-1)).toEqual({ cachePoint: { type: "default" } });
    expect(local.emulator.requests.every((request) => request.response?.status === 200)).toBe(true);
    // The points live only in what is sent; the stored conversation has none.
    expect(JSON.stringify(agent.conversation.messages)).not.toContain("cachePoint");
  });

  it("counts points already in the request against the limit and honours the TTL", async () => {
    // 1-hour points need a model that offers them (Claude 4.5 on), and TTLs may not grow from tools
    // to system to messages, so the caller's own points are 1-hour too (the emulator refuses otherwise).
    const oneHour = { cachePoint: { type: "default", ttl: "1h" } } as const;
    const system: SystemContentBlock[] = [{ text: longSystem }, oneHour, { text: "Today is Monday." }, oneHour];
    const agent = new Agent({ modelId: "us.anthropic.claude-sonnet-4-5-20250929-v1:0", client: local.client(), system, tools: [lookup], middleware: [promptCachingMiddleware({ ttl: "1h" })] });
    await converse(agent, ["First question?", "Second question?"]);
    const points = pointsIn(lastBody());
    expect(points.system).toBe(2);
    expect(points.tools).toBe(1);
    expect(points.messages.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(lastBody().messages.at(-1)?.content?.at(-1)).toEqual({ cachePoint: { type: "default", ttl: "1h" } });
  });

  it("does not cache tools on Nova, and leaves models without prompt caching untouched", async () => {
    const nova = new Agent({ modelId: "amazon.nova-lite-v1:0", client: local.client(), system: longSystem, tools: [lookup], middleware: [promptCachingMiddleware()] });
    await nova.send("Hello Nova");
    expect(pointsIn(lastBody())).toEqual({ system: 1, tools: 0, messages: [1] });
    const llama = new Agent({ modelId: "meta.llama3-1-70b-instruct-v1:0", client: local.client(), system: longSystem, middleware: [promptCachingMiddleware()] });
    await llama.send("Hello Llama");
    expect(local.emulator.requests.at(-1)?.rawBody).not.toContain("cachePoint");
  });

  it("skips points whose prefix is below the model's minimum unless told otherwise", async () => {
    const short = new Agent({ modelId: claude, client: local.client(), system: "Be brief.", middleware: [promptCachingMiddleware()] });
    await short.send("Hi");
    expect(local.emulator.requests.at(-1)?.rawBody).not.toContain("cachePoint");
    const forced = new Agent({ modelId: claude, client: local.client(), system: "Be brief.", middleware: [promptCachingMiddleware({ respectMinimumTokens: false })] });
    await forced.send("Hi");
    expect(pointsIn(lastBody())).toEqual({ system: 1, tools: 0, messages: [1] });
  });

  it("knows which models cache what", () => {
    expect(promptCacheSupport("anthropic.claude-3-5-haiku-20241022-v1:0")?.minimumTokens).toBe(2_048);
    expect(promptCacheSupport("global.anthropic.claude-sonnet-4-5-20250929-v1:0")?.fields).toContain("tools");
    expect(promptCacheSupport("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0")?.fields).toEqual(["system", "messages"]);
    expect(promptCacheSupport("mistral.mistral-large-2407-v1:0")).toBeUndefined();
    expect(() => promptCachingMiddleware({ ttl: "2h" as never })).toThrow(/ttl must be one of "5m", "1h"/);
  });
});
