import { Agent, type AgentTool, type Message } from "@sluice/core";
import { describe, expect, it } from "vitest";
import {
  ContextOverflowError,
  contextOverflowMiddleware,
  slidingWindowManager,
  summarizingManager,
  type ContextReducedEvent,
} from "../src/index.js";
import { problemIn } from "./conversation-fixture.js";
import { modelId, useEmulator } from "./emulator-fixture.js";

const local = useEmulator();

const lookup: AgentTool = {
  name: "lookup",
  description: "Looks something up",
  inputSchema: { type: "object", properties: { topic: { type: "string" } } },
  invoke: async (input) => ({ content: [{ text: `facts about ${(input as { topic?: string }).topic}` }] }),
};

const tooLong = { type: "error", exception: "ValidationException", message: "Input is too long for requested model." } as const;
const sentMessages = (index: number) => (local.emulator.requests.at(index)?.body as { messages: Message[] }).messages;

/** An agent whose conversation holds a single and a parallel tool round (10 messages). */
async function agentWithHistory(middleware: Parameters<typeof contextOverflowMiddleware>[0]): Promise<Agent> {
  const agent = new Agent({ modelId, client: local.client(), tools: [lookup], middleware: [contextOverflowMiddleware(middleware)] });
  await agent.send("hi");
  local.emulator.enqueue([{ toolCalls: [{ name: "lookup", input: { topic: "weather" } }] }, { text: "It is sunny." }]);
  await agent.send("Weather today?");
  local.emulator.enqueue([
    { toolCalls: [{ name: "lookup", input: { topic: "rain" } }, { name: "lookup", input: { topic: "wind" } }] },
    { text: "Rain and wind tomorrow." },
  ]);
  await agent.send("And tomorrow?");
  expect(agent.conversation.length).toBe(10);
  local.emulator.clearRequests();
  return agent;
}

describe("contextOverflowMiddleware over HTTP", () => {
  it("recovers from 'Input is too long' by sending fewer messages, tool calls still with their results", async () => {
    const events: ContextReducedEvent[] = [];
    const agent = await agentWithHistory({ manager: slidingWindowManager({ maxMessages: 5 }), onReduce: (event) => events.push(event) });
    local.emulator.injectFault({ firstCalls: 1, effect: tooLong });
    const result = await agent.send("Thanks, and the weekend?");
    expect(result.text).toBe("You said: Thanks, and the weekend?");
    expect(local.emulator.requests.map((request) => request.response?.status)).toEqual([400, 200]);
    const retried = sentMessages(1);
    expect(retried.length).toBeLessThanOrEqual(5);
    expect(retried.length).toBeLessThan(sentMessages(0).length);
    expect(problemIn(retried)).toBeUndefined();
    expect(retried.at(-1)?.content?.[0]?.text).toBe("Thanks, and the weekend?");
    expect(events).toEqual([{ modelId, manager: "sliding-window", reason: "error", originalMessageCount: 11, reducedMessageCount: retried.length }]);
    // Only what was sent was reduced: the stored conversation keeps every message.
    expect(agent.conversation.length).toBe(12);
  });

  it("recovers from an overflow frame that arrives in the stream before any text", async () => {
    const agent = await agentWithHistory({ manager: slidingWindowManager({ maxMessages: 4 }) });
    local.emulator.injectFault({
      firstCalls: 1,
      effect: { type: "stream-error", exception: "ValidationException", afterEvents: 1, message: "The model returned the following errors: prompt is too long: 227255 tokens > 200000 maximum" },
    });
    const stream = agent.stream("Summer?");
    const deltas: string[] = [];
    for await (const event of stream) if (event.type === "text-delta") deltas.push(event.text);
    expect(deltas.join("")).toBe("You said: Summer?");
    expect(local.emulator.requests).toHaveLength(2);
    expect(problemIn(sentMessages(1))).toBeUndefined();
    expect(sentMessages(1).length).toBeLessThanOrEqual(4);
  });

  it("tries once: a second overflow ends the run with ContextOverflowError and rolls the turn back", async () => {
    const agent = await agentWithHistory({});
    local.emulator.injectFault({ effect: tooLong });
    const error = await agent.send("Still too long").catch((caught: unknown) => caught);
    expect(ContextOverflowError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ originalMessageCount: 11 });
    expect((error as ContextOverflowError).reducedMessageCount).toBeLessThan(11);
    expect(local.emulator.requests).toHaveLength(2);
    expect(agent.conversation.length).toBe(10);
  });

  it("leaves other validation errors alone", async () => {
    const agent = await agentWithHistory({});
    local.emulator.injectFault({ firstCalls: 1, effect: { type: "error", exception: "ValidationException", message: "Malformed input request." } });
    await expect(agent.send("hello")).rejects.toThrow(/Malformed input request/);
    expect(local.emulator.requests).toHaveLength(1);
  });

  it("summarises the older messages through the agent's own model", async () => {
    const agent = await agentWithHistory({ manager: summarizingManager({ keepRecentMessages: 3 }) });
    local.emulator.injectFault({ firstCalls: 1, effect: tooLong });
    const result = await agent.send("What did we find out?");
    expect(result.text).toBe("You said: What did we find out?");
    expect(local.emulator.requests.map((request) => request.response?.status)).toEqual([400, 200, 200]);
    const summaryRequest = sentMessages(1);
    expect(summaryRequest).toHaveLength(1);
    expect(summaryRequest[0]?.content?.[0]?.text).toContain("[called lookup with");
    const retried = sentMessages(2);
    expect(problemIn(retried)).toBeUndefined();
    expect(retried[0]?.content?.[0]?.text).toMatch(/^Summary of the earlier part of this conversation:\nYou said: /);
    expect(retried.at(-1)?.content?.[0]?.text).toBe("What did we find out?");
  });

  it("retries a non-streaming answer that stopped with model_context_window_exceeded", async () => {
    const agent = await agentWithHistory({ manager: slidingWindowManager({ maxMessages: 3 }) });
    local.emulator.enqueue({ text: "The answer was cut", stopReason: "model_context_window_exceeded" });
    const result = await agent.send("Long answer please");
    expect(result.stopReason).toBe("end_turn");
    expect(local.emulator.requests).toHaveLength(2);
    expect(sentMessages(1).length).toBeLessThanOrEqual(3);
  });
});
