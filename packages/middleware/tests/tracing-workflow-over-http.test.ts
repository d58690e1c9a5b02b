import { context, SpanStatusCode } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { Agent, type AgentTool } from "@sluice/core";
import { agentStep, parallel, sequence, step, workflow } from "@sluice/workflows";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { tracingMiddleware } from "../src/index.js";
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

const lookup: AgentTool = {
  name: "lookup",
  description: "Looks a fact up",
  inputSchema: { type: "object", properties: { topic: { type: "string" } } },
  invoke: async () => ({ content: [{ text: "the moon pulls the sea" }] }),
};

const spans = () => exporter.getFinishedSpans();
const byName = (name: string) => spans().find((span) => span.name === name) as ReadableSpan;
const parentOf = (span: ReadableSpan | undefined) => span?.parentSpanContext?.spanId;
const idOf = (span: ReadableSpan | undefined) => span?.spanContext().spanId;

describe("tracingMiddleware's step hook in a workflow over HTTP", () => {
  it("gives the workflow and each step a span, with the agents' run, chat and tool spans nested under their step", async () => {
    const tracing = tracingMiddleware({ tracer });
    const research = agentStep({
      name: "research",
      // The workflow's middleware reaches the agent through the factory's context.
      agent: ({ middleware }) => new Agent({ modelId, name: "researcher", client: local.client(), tools: [lookup], middleware }),
    });
    const flow = workflow({
      name: "article",
      steps: sequence(research, parallel("finish", { words: step({ name: "count", run: (notes: string) => notes.length }), upper: step({ name: "upper", run: (notes: string) => notes.toUpperCase() }) })),
      middleware: [tracing],
    });
    local.emulator.enqueue([{ toolCalls: [{ name: "lookup", input: { topic: "tides" } }] }, { text: "Tides follow the moon." }]);
    const result = await flow.run("Research tides");
    expect(result.status).toBe("complete");

    const root = byName("workflow article");
    const researchSpan = byName("step article/research");
    const run = byName("invoke_agent researcher");
    const chats = spans().filter((span) => span.name === `chat ${modelId}`);
    const tool = byName("execute_tool lookup");
    expect(root.parentSpanContext).toBeUndefined();
    expect(parentOf(researchSpan)).toBe(idOf(root));
    expect(parentOf(run)).toBe(idOf(researchSpan));
    expect(chats).toHaveLength(2);
    for (const chat of chats) expect(parentOf(chat)).toBe(idOf(run));
    expect(parentOf(tool)).toBe(idOf(run));
    for (const path of ["article/finish/count", "article/finish/upper"]) expect(parentOf(byName(`step ${path}`))).toBe(idOf(root));
    expect(researchSpan.attributes).toMatchObject({
      "sluice.workflow.name": "article",
      "sluice.workflow.run_id": result.runId,
      "sluice.step.path": "article/research",
      "sluice.step.kind": "agent",
    });
    expect(new Set(spans().map((span) => span.spanContext().traceId)).size).toBe(1);
  });

  it("marks a failing step's span with the error, and a paused step's with its reason", async () => {
    const flow = workflow({
      name: "checks",
      steps: sequence(
        step({ name: "gate", run: (value: number, stepContext) => (stepContext.resumeValue === undefined ? stepContext.pause("sign-off") : value) }),
        step({
          name: "boom",
          run: (): number => {
            throw new Error("broken");
          },
        }),
      ),
      middleware: [tracingMiddleware({ tracer })],
    });
    const paused = await flow.run(1);
    expect(byName("step checks/gate").attributes).toMatchObject({ "sluice.step.paused": true, "sluice.step.pause_reason": "sign-off" });
    exporter.reset();
    await expect(flow.resume(paused.state, { "checks/gate": true })).rejects.toMatchObject({ path: "checks/boom" });
    expect(byName("step checks/gate").attributes["sluice.step.resuming"]).toBe(true);
    const boom = byName("step checks/boom");
    expect(boom.status.code).toBe(SpanStatusCode.ERROR);
    expect(boom.attributes["error.type"]).toBe("Error");
    expect(byName("workflow checks").status.code).toBe(SpanStatusCode.ERROR);
  });
});
