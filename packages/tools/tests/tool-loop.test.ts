import type { AgentEvent } from "@sluice/core";
import { registerSluice } from "@sluice/core/di";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { z as z3 } from "zod3";
import { defineTool } from "../src/index.js";
import { useEmulator } from "./emulator-fixture.js";

const local = useEmulator();

const weather = defineTool({
  name: "get_weather",
  description: "Current weather for a city",
  input: z.object({ city: z.string(), unit: z.enum(["c", "f"]).default("c") }),
  handler: ({ city, unit }) => ({ city, temperature: unit === "c" ? 21 : 70, unit }),
});
const population = defineTool({
  name: "get_population",
  description: "Population of a city",
  input: z3.object({ city: z3.string() }),
  handler: ({ city }) => `${city} has 700,000 inhabitants.`,
});

function collect(events: AgentEvent[], type: AgentEvent["type"]) {
  return events.filter((event) => event.type === type);
}

describe("the tool loop over HTTP", () => {
  it("runs one tool: typed input, JSON result, the schema on the wire", async () => {
    local.emulator.enqueue([{ toolCalls: [{ name: "get_weather", input: { city: "Oslo" } }] }, { text: "21 degrees in Oslo." }]);
    const agent = local.agent({ tools: [weather] });
    const result = await agent.send("Weather in Oslo?");
    expect(result.text).toBe("21 degrees in Oslo.");
    expect(result.steps.map((step) => step.stopReason)).toEqual(["tool_use", "end_turn"]);
    expect(local.body(0).toolConfig?.["tools"]).toEqual([
      {
        toolSpec: {
          name: "get_weather",
          description: "Current weather for a city",
          inputSchema: { json: { type: "object", properties: { city: { type: "string" }, unit: { type: "string", enum: ["c", "f"], default: "c" } }, required: ["city"] } },
        },
      },
    ]);
    const toolResult = local.body(1).messages?.[2]?.content[0]?.["toolResult"];
    expect(toolResult).toMatchObject({ status: "success", content: [{ json: { city: "Oslo", temperature: 21, unit: "c" } }] });
    await local.expectHistoryAccepted(agent);
  });

  it.each([false, true])("keeps two tools of one message apart (streamed: %s), results in order with the same ids", async (streamed) => {
    local.emulator.setStreaming({ chunkSize: 3 });
    local.emulator.enqueue([
      {
        text: "Let me look both up.",
        toolCalls: [
          { name: "get_weather", input: { city: "Lima", unit: "f" }, toolUseId: "tooluse_weather_1" },
          { name: "get_population", input: { city: "Lima" }, toolUseId: "tooluse_population_2" },
        ],
      },
      { text: "Warm and big." },
    ]);
    const agent = local.agent({ tools: [weather, population] });
    const events: AgentEvent[] = [];
    let result;
    if (streamed) {
      const stream = agent.stream("Lima?");
      for await (const event of stream) events.push(event);
      result = await stream.result;
    } else {
      agent.on("tool-use-complete", (event) => events.push(event));
      agent.on("tool-result", (event) => events.push(event));
      result = await agent.send("Lima?");
    }
    expect(result.text).toBe("Warm and big.");
    expect(collect(events, "tool-use-complete")).toEqual([
      { type: "tool-use-complete", step: 1, toolUseId: "tooluse_weather_1", name: "get_weather", input: { city: "Lima", unit: "f" } },
      { type: "tool-use-complete", step: 1, toolUseId: "tooluse_population_2", name: "get_population", input: { city: "Lima" } },
    ]);
    if (streamed) {
      const starts = collect(events, "tool-use-start") as Extract<AgentEvent, { type: "tool-use-start" }>[];
      expect(starts.map((event) => [event.contentBlockIndex, event.toolUseId])).toEqual([[1, "tooluse_weather_1"], [2, "tooluse_population_2"]]);
      const deltas = collect(events, "tool-use-delta") as Extract<AgentEvent, { type: "tool-use-delta" }>[];
      const byBlock = (index: number) => deltas.filter((event) => event.contentBlockIndex === index).map((event) => event.delta).join("");
      expect(deltas.length).toBeGreaterThan(4);
      expect(JSON.parse(byBlock(1))).toEqual({ city: "Lima", unit: "f" });
      expect(JSON.parse(byBlock(2))).toEqual({ city: "Lima" });
    }
    const results = local.body(1).messages?.[2]?.content.map((block) => block["toolResult"]);
    expect(results?.map((entry) => [entry.toolUseId, entry.status])).toEqual([["tooluse_weather_1", "success"], ["tooluse_population_2", "success"]]);
    expect(results?.[0].content).toEqual([{ json: { city: "Lima", temperature: 70, unit: "f" } }]);
    expect(results?.[1].content).toEqual([{ text: "Lima has 700,000 inhabitants." }]);
    expect(collect(events, "tool-result")).toHaveLength(2);
    await local.expectHistoryAccepted(agent);
  });

  it.each([
    ["parallel with a cap of 2", { toolConcurrency: 2 }, 2],
    ["sequential", { toolExecution: "sequential" as const }, 1],
  ])("runs six calls %s, never more at once, results in call order", async (_label, options, cap) => {
    let running = 0;
    let most = 0;
    const slow = defineTool({
      name: "slow_square",
      description: "Squares a number, slowly",
      input: z.object({ n: z.number() }),
      handler: async ({ n }) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 15 + (n % 3) * 10));
        running -= 1;
        return n * n;
      },
    });
    const calls = [1, 2, 3, 4, 5, 6].map((n) => ({ name: "slow_square", input: { n }, toolUseId: `tooluse_sq_${n}` }));
    local.emulator.enqueue([{ toolCalls: calls }, { text: "Done squaring." }]);
    const agent = local.agent({ tools: [slow], ...options });
    await agent.send("Square 1 to 6");
    expect(most).toBe(cap);
    const results = local.body(1).messages?.[2]?.content.map((block) => block["toolResult"]);
    expect(results?.map((entry) => [entry.toolUseId, entry.content[0].text])).toEqual([1, 2, 3, 4, 5, 6].map((n) => [`tooluse_sq_${n}`, String(n * n)]));
    await local.expectHistoryAccepted(agent);
  });

  it.each([false, true])("calls a tool without parameters (streamed: %s)", async (streamed) => {
    let calls = 0;
    const now = defineTool({ name: "current_time", description: "The current time", handler: () => (calls++, "12:00") });
    local.emulator.enqueue([{ toolCalls: [{ name: "current_time" }] }, { text: "It is noon." }]);
    const agent = local.agent({ tools: [now] });
    const result = streamed ? await agent.stream("Time?").result : await agent.send("Time?");
    expect(result.text).toBe("It is noon.");
    expect(calls).toBe(1);
    expect(local.body(0).toolConfig?.["tools"][0].toolSpec.inputSchema).toEqual({ json: { type: "object", properties: {} } });
    expect(local.body(1).messages?.[1]?.content[0]?.["toolUse"].input).toEqual({});
    await local.expectHistoryAccepted(agent);
  });

  it("stops at maxSteps with a result that says so and a conversation the next call accepts", async () => {
    local.emulator.enqueue([
      { toolCalls: [{ name: "get_weather", input: { city: "Rome" } }] },
      { toolCalls: [{ name: "get_weather", input: { city: "Milan" } }] },
    ]);
    const agent = local.agent({ tools: [weather], maxSteps: 2 });
    const result = await agent.send("Weather everywhere");
    expect(result.status).toBe("max-steps");
    expect(result.steps).toHaveLength(2);
    expect(local.emulator.requests).toHaveLength(2);
    // The last message holds the results of step 2, so the history is complete.
    expect(agent.conversation.lastMessage?.content?.[0]?.toolResult?.status).toBe("success");
    local.emulator.enqueue([{ text: "Rome and Milan are sunny." }]);
    const continued = await agent.send();
    expect(continued.text).toBe("Rome and Milan are sunny.");
    expect(continued.steps).toHaveLength(1);
    expect(local.emulator.requests.at(-1)?.response?.status).toBe(200);
    await local.expectHistoryAccepted(agent);
  });

  it("gives the handler the agent's services (typed resolve), the tool-use id and the step", async () => {
    const seen: unknown[] = [];
    const greet = defineTool({
      name: "greet",
      description: "Greets through the app's greeter service",
      input: z.object({ name: z.string() }),
      handler: ({ name }, { resolve, toolUseId, step }) => {
        seen.push(toolUseId, step);
        return resolve<{ greet(name: string): string }>("Greeter").greet(name);
      },
    });
    local.emulator.enqueue([{ toolCalls: [{ name: "greet", input: { name: "Ada" }, toolUseId: "tooluse_greet_1" }] }, { text: "Greeted." }]);
    const container = registerSluice();
    container.register("Greeter", { useValue: { greet: (name: string) => `Hello, ${name}!` } });
    const agent = local.agent({ tools: [greet], container });
    await agent.send("Greet Ada");
    expect(seen).toEqual(["tooluse_greet_1", 1]);
    expect(local.body(1).messages?.[2]?.content[0]?.["toolResult"].content).toEqual([{ text: "Hello, Ada!" }]);
    await local.expectHistoryAccepted(agent);
  });

  it("sends bytes with a declared image format as an image block", async () => {
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
    const chart = defineTool({ name: "render_chart", description: "Draws a chart", imageFormat: "png", handler: () => new Uint8Array(png) });
    local.emulator.enqueue([{ toolCalls: [{ name: "render_chart" }] }, { text: "Here is the chart." }]);
    const agent = local.agent({ tools: [chart] });
    await agent.send("Chart please");
    const content = local.body(1).messages?.[2]?.content[0]?.["toolResult"].content;
    expect(content).toEqual([{ image: { format: "png", source: { bytes: png.toString("base64") } } }]);
    await local.expectHistoryAccepted(agent);
  });
});
