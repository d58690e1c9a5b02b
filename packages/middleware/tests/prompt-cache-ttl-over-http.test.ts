import {
  Agent,
  type AgentTool,
  ConfigurationError,
  type Message,
  ModelCapabilityError,
  ModelCapabilityRegistry,
  type SystemContentBlock,
  type Tool,
  inferenceProfileResolver,
} from "@sluice/core";
import { describe, expect, it } from "vitest";
import { promptCachingMiddleware } from "../src/index.js";
import { useEmulator } from "./emulator-fixture.js";

const profileArn = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/1arbu5hu2sjr";
const local = useEmulator({ inferenceProfiles: [{ name: "dd-frmlo206", id: "1arbu5hu2sjr", model: "global.anthropic.claude-haiku-4-5-20251001-v1:0" }] });

const sonnet45 = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
const longSystem = `You are a careful assistant for a water utility. ${"Follow the operating manual precisely. ".repeat(450)}`;
const lookup: AgentTool = {
  name: "lookup",
  description: `Looks a gauge reading up. ${"Gauges are named by river and kilometre. ".repeat(420)}`,
  inputSchema: { type: "object", properties: { gauge: { type: "string" } } },
  invoke: async () => ({ content: [{ text: "1.2 m" }] }),
};

interface SentBody {
  system?: SystemContentBlock[];
  messages: Message[];
  toolConfig?: { tools: Tool[] };
}
const lastBody = () => local.emulator.requests.at(-1)?.body as SentBody;
const ttls = (body: SentBody) => ({
  tools: (body.toolConfig?.tools ?? []).flatMap((tool) => (tool.cachePoint ? [tool.cachePoint.ttl ?? "5m"] : [])),
  system: (body.system ?? []).flatMap((block) => (block.cachePoint ? [block.cachePoint.ttl ?? "5m"] : [])),
  messages: body.messages.flatMap((message) => (message.content ?? []).flatMap((block) => (block.cachePoint ? [block.cachePoint.ttl ?? "5m"] : []))),
});

describe("prompt caching: 1-hour TTLs and the order rule over HTTP", () => {
  it("places 1-hour points everywhere on Claude 4.5 and the service accepts them", async () => {
    const agent = new Agent({ modelId: sonnet45, client: local.client(), system: longSystem, tools: [lookup], middleware: [promptCachingMiddleware({ ttl: "1h" })] });
    const first = await agent.send("Level at gauge A?");
    expect(ttls(lastBody())).toEqual({ tools: ["1h"], system: ["1h"], messages: ["1h"] });
    // Every usage figure carries the cache counters: the first call writes the prefix, the second reads it.
    expect(first.usage.cacheWriteInputTokens).toBeGreaterThan(0);
    const second = await agent.send("And at gauge B?");
    expect(second.usage.cacheReadInputTokens).toBeGreaterThan(0);
    expect(second.steps[0]?.usage.cacheReadInputTokens).toBe(second.usage.cacheReadInputTokens);
  });

  it("keeps its points in order around the caller's own: earlier points raised, later ones not above them", async () => {
    // The caller asks for a 1-hour point in the system prompt; the middleware's default (5-minute)
    // point after the tools comes before it, so it is raised to 1 hour; its message points stay 5 minutes.
    const system: SystemContentBlock[] = [{ text: longSystem }, { cachePoint: { type: "default", ttl: "1h" } }];
    const agent = new Agent({ modelId: sonnet45, client: local.client(), system, tools: [lookup], middleware: [promptCachingMiddleware()] });
    await agent.send("Level at gauge A?");
    expect(ttls(lastBody())).toEqual({ tools: ["1h"], system: ["1h"], messages: ["5m"] });
    expect(local.emulator.requests.at(-1)?.response?.status).toBe(200);
  });

  it("lowers its message points below a caller's 5-minute system point when asked for 1 hour", async () => {
    const system: SystemContentBlock[] = [{ text: longSystem }, { cachePoint: { type: "default" } }];
    const agent = new Agent({ modelId: sonnet45, client: local.client(), system, middleware: [promptCachingMiddleware({ ttl: "1h" })] });
    await agent.send("Level at gauge A?");
    expect(ttls(lastBody())).toEqual({ tools: [], system: ["5m"], messages: ["5m"] });
    expect(local.emulator.requests.at(-1)?.response?.status).toBe(200);
  });

  it("refuses the caller's own points out of order before the call", async () => {
    const system: SystemContentBlock[] = [{ text: longSystem }, { cachePoint: { type: "default" } }];
    const agent = new Agent({ modelId: sonnet45, client: local.client(), system, middleware: [promptCachingMiddleware({ recentMessages: 0 })] });
    const error = await agent.send([{ text: "Hi" }, { cachePoint: { type: "default", ttl: "1h" } }]).catch((caught: unknown) => caught);
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect(String(error)).toMatch(/messages\[0\]\.content\[1\] asks for 1h after system\[1\] with 5m/);
    expect(local.emulator.requests).toHaveLength(0);
  });

  it("refuses 1-hour caching on a model that keeps caches for 5 minutes only, as a ModelCapabilityError", async () => {
    const agent = new Agent({ modelId: "us.anthropic.claude-3-7-sonnet-20250219-v1:0", client: local.client(), system: longSystem, middleware: [promptCachingMiddleware({ ttl: "1h" })] });
    const error = await agent.send("Hi").catch((caught: unknown) => caught);
    expect(ModelCapabilityError.isInstance(error)).toBe(true);
    expect((error as ModelCapabilityError).capability).toBe("promptCaching.ttl:1h");
    expect(local.emulator.requests).toHaveLength(0);
  });

  it("caches through an application inference profile once the registry resolved it", async () => {
    const client = local.client();
    const registry = new ModelCapabilityRegistry({ resolveProfile: inferenceProfileResolver({ client }) });
    const plain = new Agent({ modelId: profileArn, client, system: longSystem, middleware: [promptCachingMiddleware()] });
    await plain.send("Hi");
    expect(ttls(lastBody()).system).toEqual([]);
    const resolved = new Agent({ modelId: profileArn, client, system: longSystem, middleware: [promptCachingMiddleware({ registry, ttl: "1h" })] });
    const result = await resolved.send("Hi");
    expect(ttls(lastBody())).toEqual({ tools: [], system: ["1h"], messages: ["1h"] });
    expect(result.usage.cacheWriteInputTokens).toBeGreaterThan(0);
  });
});
