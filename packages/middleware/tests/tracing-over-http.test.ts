import { context, SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { Agent, InMemoryConversationStore, type AgentTool } from "@sluice/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { retryMiddleware, traceAgentRun, tracingMiddleware } from "../src/index.js";
import { modelId, useEmulator } from "./emulator-fixture.js";

const local = useEmulator();
const exporter = new InMemorySpanExporter();
const tracer = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).getTracer("sluice-test");

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
});
afterAll(() => {
  context.disable();
});
beforeEach(() => exporter.reset());

const weather: AgentTool = {
  name: "weather",
  description: "Current weather in a city",
  inputSchema: { type: "object", properties: { city: { type: "string" } } },
  invoke: async () => ({ content: [{ text: "clear" }] }),
};

const spans = () => exporter.getFinishedSpans();
const named = (prefix: string) => spans().filter((span) => span.name.startsWith(prefix));
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe("tracingMiddleware over HTTP", () => {
  it("records agent, model and tool spans with the GenAI attributes, nested under the run", async () => {
    const store = new InMemoryConversationStore();
    const agent = new Agent({
      modelId,
      name: "forecaster",
      conversationId: "conv-7",
      store,
      client: local.client(),
      tools: [weather],
      inferenceConfig: { maxTokens: 256, temperature: 0.2 },
      middleware: [tracingMiddleware({ tracer })],
    });
    local.emulator.enqueue([
      { toolCalls: [{ name: "weather", input: { city: "Riga" }, toolUseId: "tooluse_riga_1" }], usage: { inputTokens: 40, outputTokens: 12 } },
      { text: "Clear in Riga.", usage: { inputTokens: 60, outputTokens: 5, cacheReadInputTokens: 30 } },
    ]);
    const result = await agent.send("Weather in Riga?");

    const [run] = named("invoke_agent");
    const chats = named("chat ");
    const [tool] = named("execute_tool");
    expect(run?.name).toBe("invoke_agent forecaster");
    expect(chats.map((span) => span.name)).toEqual([`chat ${modelId}`, `chat ${modelId}`]);
    expect(tool?.name).toBe("execute_tool weather");
    for (const child of [...chats, tool]) expect(parentOf(child as ReadableSpan)).toBe(run?.spanContext().spanId);
    expect(chats.every((span) => span.spanContext().traceId === run?.spanContext().traceId)).toBe(true);

    expect(chats[0]?.kind).toBe(SpanKind.CLIENT);
    expect(chats[0]?.attributes["sluice.run_id"]).toBe(tool?.attributes["sluice.run_id"]);
    expect(chats[0]?.attributes).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "aws.bedrock",
      "gen_ai.request.model": modelId,
      "gen_ai.request.max_tokens": 256,
      "gen_ai.request.temperature": 0.2,
      "gen_ai.response.finish_reasons": ["tool_use"],
      "gen_ai.usage.input_tokens": 40,
      "gen_ai.usage.output_tokens": 12,
    });
    // Bedrock leaves cached tokens out of inputTokens; the conventions count them in.
    expect(chats[1]?.attributes).toMatchObject({
      "gen_ai.response.finish_reasons": ["end_turn"],
      "gen_ai.usage.input_tokens": 90,
      "gen_ai.usage.cache_read.input_tokens": 30,
      "gen_ai.usage.output_tokens": 5,
    });
    expect(tool?.kind).toBe(SpanKind.INTERNAL);
    expect(tool?.attributes).toMatchObject({
      "gen_ai.operation.name": "execute_tool",
      "gen_ai.tool.name": "weather",
      "gen_ai.tool.call.id": "tooluse_riga_1",
      "gen_ai.tool.type": "function",
      "gen_ai.tool.description": "Current weather in a city",
    });
    expect(run?.attributes).toMatchObject({
      "gen_ai.operation.name": "invoke_agent",
      "gen_ai.agent.name": "forecaster",
      "gen_ai.conversation.id": "conv-7",
      "gen_ai.usage.input_tokens": 130,
      "gen_ai.usage.output_tokens": 17,
      "sluice.run.status": "complete",
      "sluice.run.steps": 2,
    });
    expect(result.usage.inputTokens + result.usage.cacheReadInputTokens).toBe(130);
    expect(run?.attributes["sluice.run_id"]).toBe(chats[0]?.attributes["sluice.run_id"]);
  });

  it("nests the spans under traceAgentRun's span when run spans are turned off", async () => {
    const agent = new Agent({ modelId, client: local.client(), middleware: [tracingMiddleware({ tracer, runs: false })] });
    await traceAgentRun({ tracer, agentName: "wrapped", modelId }, () => agent.send("hello"));
    const runs = named("invoke_agent");
    const [chat] = named("chat ");
    expect(runs.map((span) => span.name)).toEqual(["invoke_agent wrapped"]);
    expect(parentOf(chat as ReadableSpan)).toBe(runs[0]?.spanContext().spanId);
  });

  it("covers all retries of one call with one span, and marks a failure with error.type", async () => {
    local.emulator.injectFault({ firstCalls: 1, effect: { type: "error", exception: "ThrottlingException" } });
    const retried = new Agent({ modelId, client: local.client(), middleware: [tracingMiddleware({ tracer }), retryMiddleware({ baseDelayMs: 1 })] });
    await retried.send("retry me");
    expect(named("chat ")).toHaveLength(1);
    expect(named("chat ")[0]?.status.code).not.toBe(SpanStatusCode.ERROR);

    exporter.reset();
    local.emulator.injectFault({ firstCalls: 1, effect: { type: "error", exception: "ValidationException" } });
    const failing = new Agent({ modelId, client: local.client(), middleware: [tracingMiddleware({ tracer })] });
    await traceAgentRun({ tracer, agentName: "failing" }, () => failing.send("bad")).catch(() => undefined);
    const [chat] = named("chat ");
    expect(chat?.status.code).toBe(SpanStatusCode.ERROR);
    expect(chat?.attributes["error.type"]).toBe("ValidationException");
    expect(chat?.events.some((event) => event.name === "exception")).toBe(true);
    expect(named("invoke_agent")[0]?.attributes["error.type"]).toBe("ValidationException");
  });

  it("ends a streamed call's span when the stream ends, with its usage", async () => {
    const agent = new Agent({ modelId, client: local.client(), middleware: [tracingMiddleware({ tracer })] });
    const stream = traceAgentRun({ tracer, agentName: "streamer" }, () => agent.stream("stream this"));
    for await (const _event of stream) {
      // read everything
    }
    await stream.result;
    await new Promise((resolve) => setImmediate(resolve));
    const [chat] = named("chat ");
    expect(chat?.attributes["sluice.streaming"]).toBe(true);
    expect(chat?.attributes["gen_ai.usage.output_tokens"]).toBeGreaterThan(0);
    expect(parentOf(chat as ReadableSpan)).toBe(named("invoke_agent")[0]?.spanContext().spanId);
  });
});
