import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { container as rootContainer } from "tsyringe";
import { AbortError } from "../errors/abort-error.js";
import { AgentBusyError, ToolExecutionError } from "../errors/agent-errors.js";
import { BedrockError } from "../errors/bedrock-error.js";
import { ConfigurationError } from "../errors/configuration-error.js";
import { registerSluice } from "../di/register-sluice.js";
import { Tokens } from "../di/tokens.js";
import type { Logger } from "../logging/logger.js";
import type { ToolMiddleware } from "../middleware/tool-middleware.js";
import { ScriptedModel } from "../testing/scripted-model.js";
import type { AgentTool } from "../tools/agent-tool.js";
import { ToolInputError } from "../errors/tool-input-error.js";
import { Agent } from "./agent.js";
import { InMemoryConversationStore } from "../conversation/conversation-store.js";
import type { AgentEvent } from "./agent-events.js";

const modelId = "anthropic.claude-3-5-haiku-20241022-v1:0";

function tool(name: string, run: (input: Record<string, unknown>, signal: AbortSignal) => Promise<string> | string, extra: Partial<AgentTool> = {}): AgentTool {
  return {
    name,
    description: `The ${name} tool`,
    inputSchema: { type: "object", properties: {} },
    invoke: async (input, context) => ({ content: [{ text: await run(input as Record<string, unknown>, context.signal) }] }),
    ...extra,
  };
}

describe("Agent conversation", () => {
  it("carries the whole history into the next call", async () => {
    const model = new ScriptedModel(["First answer.", "Second answer."]);
    const agent = new Agent({ modelId, model, system: "Be brief." });
    const first = await agent.send("One");
    expect(first.text).toBe("First answer.");
    const second = await agent.send("Two");
    expect(second.text).toBe("Second answer.");
    expect(model.requests[1]?.messages?.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
    expect(model.requests[1]?.system).toEqual([{ text: "Be brief." }]);
    expect(agent.conversation.length).toBe(4);
    expect(agent.conversation.usage.totalTokens).toBe(first.usage.totalTokens + second.usage.totalTokens);
    expect(second.usage.totalTokens).toBeGreaterThan(0);
  });

  it("runs the tool loop and answers each toolUse by id, in order", async () => {
    const model = new ScriptedModel([
      { toolCalls: [{ name: "add", input: { a: 1, b: 2 }, toolUseId: "t1" }, { name: "add", input: { a: 3, b: 4 }, toolUseId: "t2" }] },
      "3 and 7.",
    ]);
    const add = tool("add", (input) => String(Number(input.a) + Number(input.b)));
    const agent = new Agent({ modelId, model, tools: [add] });
    const result = await agent.send("Add");
    expect(result.status).toBe("complete");
    expect(result.steps).toHaveLength(2);
    const toolResults = model.requests[1]?.messages?.[2]?.content?.map((block) => block.toolResult);
    expect(toolResults?.map((r) => [r?.toolUseId, r?.content?.[0]?.text, r?.status])).toEqual([
      ["t1", "3", "success"],
      ["t2", "7", "success"],
    ]);
    expect(model.requests[0]?.toolConfig?.tools?.[0]?.toolSpec?.name).toBe("add");
  });

  it("stops at maxSteps with a valid conversation and continues on the next send", async () => {
    const looping = { toolCalls: [{ name: "noop" }] };
    const model = new ScriptedModel([looping, looping, "Finally."]);
    const agent = new Agent({ modelId, model, tools: [tool("noop", () => "done")], maxSteps: 2 });
    const result = await agent.send("Loop");
    expect(result.status).toBe("max-steps");
    expect(agent.conversation.lastMessage?.role).toBe("user");
    expect(agent.conversation.check([{ role: "assistant", content: [{ text: "x" }] }])).toBeUndefined();
    const next = await agent.send("Please finish");
    expect(next.text).toBe("Finally.");
    const lastRequest = model.requests[2]?.messages ?? [];
    const merged = lastRequest[lastRequest.length - 1]?.content ?? [];
    expect(merged.map((block) => (block.toolResult ? "toolResult" : block.text))).toEqual(["toolResult", "Please finish"]);
  });

  it("takes a hand-written tool whose invoke answers with a plain value instead of a promise", async () => {
    const model = new ScriptedModel([{ toolCalls: [{ name: "now", input: {}, toolUseId: "t1" }] }, "Noon."]);
    const now: AgentTool = { name: "now", description: "The time", inputSchema: { type: "object", properties: {} }, invoke: (() => ({ content: [{ text: "12:00" }] })) as never };
    const result = await new Agent({ modelId, model, tools: [now] }).send("Time?");
    expect(result.text).toBe("Noon.");
    expect(model.requests[1]?.messages?.[2]?.content?.[0]?.toolResult).toMatchObject({ toolUseId: "t1", content: [{ text: "12:00" }], status: "success" });
  });
});

describe("Agent tool failures", () => {
  it("answers an unknown tool, invalid input, a throwing handler and a timeout with error results", async () => {
    const model = new ScriptedModel([
      {
        toolCalls: [
          { name: "$READFILE", toolUseId: "u1" },
          { name: "strict", toolUseId: "u2" },
          { name: "broken", toolUseId: "u3" },
          { name: "slow", toolUseId: "u4" },
        ],
      },
      "Recovered.",
    ]);
    const strict = tool("strict", () => {
      throw new ToolInputError("city: Required");
    });
    const broken = tool("broken", () => {
      throw new Error("disk on fire");
    });
    const slow = tool("slow", () => new Promise<string>(() => undefined), { timeoutMs: 30 });
    const errors: AgentEvent[] = [];
    const agent = new Agent({ modelId, model, tools: [strict, broken, slow] });
    agent.on("tool-error", (event) => errors.push(event));
    const result = await agent.send("Try everything");
    expect(result.text).toBe("Recovered.");
    const results = model.requests[1]?.messages?.[2]?.content?.map((block) => block.toolResult) ?? [];
    expect(results.every((r) => r?.status === "error")).toBe(true);
    expect(results[0]?.content?.[0]?.text).toMatch(/no tool named "\$READFILE".*strict, broken, slow/);
    expect(results[1]?.content?.[0]?.text).toMatch(/Invalid input for strict: city: Required/);
    expect(results[2]?.content?.[0]?.text).toMatch(/broken failed: disk on fire/);
    expect(results[3]?.content?.[0]?.text).toMatch(/within 30 ms/);
    expect(errors.map((event) => event.type === "tool-error" && event.reason)).toEqual(["unknown-tool", "invalid-input", "handler-error", "timeout"]);
  });

  it("ends the run with ToolExecutionError and rolls back when failures are fatal", async () => {
    const model = new ScriptedModel([{ toolCalls: [{ name: "broken" }] }]);
    const agent = new Agent({ modelId, model, tools: [tool("broken", () => Promise.reject(new Error("no")))], toolErrors: "throw" });
    const error = await agent.send("go").catch((e: unknown) => e);
    expect(ToolExecutionError.isInstance(error)).toBe(true);
    expect((error as ToolExecutionError).reason).toBe("handler-error");
    expect((error as ToolExecutionError).rollback).toEqual({ discardedMessages: 2, conversationLength: 0 });
    expect(agent.conversation.length).toBe(0);
  });

  it("runs tools in parallel up to the cap, or one at a time", async () => {
    const measure = async (options: { toolConcurrency?: number; toolExecution?: "sequential" }) => {
      let running = 0;
      let peak = 0;
      const wait = tool("wait", async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 15));
        running -= 1;
        return "ok";
      });
      const uses = Array.from({ length: 6 }, () => ({ name: "wait" }));
      const agent = new Agent({ modelId, model: new ScriptedModel([{ toolCalls: uses }, "done"]), tools: [wait], ...options });
      await agent.send("go");
      return peak;
    };
    expect(await measure({ toolConcurrency: 2 })).toBe(2);
    expect(await measure({})).toBe(4);
    expect(await measure({ toolExecution: "sequential" })).toBe(1);
  });

  it("aborts a running tool through its signal and rolls the turn back", async () => {
    const controller = new AbortController();
    let toolSignal: AbortSignal | undefined;
    const hang = tool("hang", (_input, signal) => {
      toolSignal = signal;
      setTimeout(() => controller.abort(), 5);
      return new Promise<string>(() => undefined);
    });
    const agent = new Agent({ modelId, model: new ScriptedModel([{ toolCalls: [{ name: "hang" }] }]), tools: [hang] });
    const error = await agent.send("go", { signal: controller.signal }).catch((e: unknown) => e);
    expect(AbortError.isInstance(error)).toBe(true);
    expect(toolSignal?.aborted).toBe(true);
    expect(agent.conversation.length).toBe(0);
  });
});

describe("Agent concurrency and failures", () => {
  it("queues overlapping sends so histories never interleave", async () => {
    // The first call is slow, so the second send() arrives while it runs.
    const slowModel = new ScriptedModel(["A done", "B done"]);
    const original = slowModel.converse.bind(slowModel);
    let calls = 0;
    slowModel.converse = async (request, options) => {
      calls += 1;
      if (calls === 1) await new Promise((resolve) => setTimeout(resolve, 20));
      return original(request, options);
    };
    const agent = new Agent({ modelId, model: slowModel });
    const [a, b] = await Promise.all([agent.send("A"), agent.send("B")]);
    expect([a.text, b.text]).toEqual(["A done", "B done"]);
    expect(agent.conversation.messages.map((m) => m.content?.[0]?.text)).toEqual(["A", "A done", "B", "B done"]);
    expect(slowModel.requests[1]?.messages).toHaveLength(3);
  });

  it("rejects an overlapping send when configured to", async () => {
    const agent = new Agent({ modelId, model: new ScriptedModel(), concurrency: "reject" });
    const first = agent.send("one");
    await expect(agent.send("two")).rejects.toSatisfy(AgentBusyError.isInstance);
    await first;
  });

  it("rolls back when the model fails and says so in the error", async () => {
    const throttled = new BedrockError("ThrottlingException", "Too many requests", { httpStatus: 429 });
    const agent = new Agent({ modelId, model: new ScriptedModel(["ok", throttled]) });
    await agent.send("first");
    const error = await agent.send("second").catch((e: unknown) => e);
    expect(BedrockError.isInstance(error) && error.isRetryable).toBe(true);
    expect((error as BedrockError).rollback).toEqual({ discardedMessages: 1, conversationLength: 2 });
    expect((error as Error).message).toMatch(/rolled back/);
    expect(agent.conversation.length).toBe(2);
    expect((await agent.send("third")).text).toBe("You said: third");
  });
});

describe("Agent events and streaming", () => {
  it("streams text and tool events, and emits the same ones", async () => {
    const model = new ScriptedModel([{ text: "Checking.", toolCalls: [{ name: "now", toolUseId: "n1" }] }, "It is noon, as the clock said."], {
      chunkSize: 4,
    });
    const agent = new Agent({ modelId, model, tools: [tool("now", () => "12:00")] });
    const emitted: string[] = [];
    agent.on("tool-result", (event) => emitted.push(`${event.type}:${event.toolUseId}`));
    const stream = agent.stream("Time?");
    const types: string[] = [];
    let text = "";
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === "text-delta") text += event.text;
    }
    const result = await stream.result;
    expect(text).toBe("Checking.It is noon, as the clock said.");
    expect(types.filter((t) => t === "text-delta").length).toBeGreaterThan(2);
    for (const expected of ["tool-use-start", "tool-use-delta", "tool-use-complete", "tool-result", "step-finish", "finish"]) {
      expect(types).toContain(expected);
    }
    expect(types.at(-1)).toBe("finish");
    expect(emitted).toEqual(["tool-result:n1"]);
    expect(result.text).toBe("It is noon, as the clock said.");
  });
});

describe("Agent pause and resume", () => {
  const approval: ToolMiddleware = async (call, next) => {
    if (!call.tool?.metadata?.requiresApproval) return next();
    const decision = call.resumeValue as { approved: boolean; reason?: string } | undefined;
    if (decision === undefined) return { type: "interrupt", reason: "approval required", data: { tool: call.name } };
    if (decision.approved) return next();
    return { type: "result", status: "error", content: [{ text: `Denied: ${decision.reason}` }] };
  };

  it("pauses at a tool needing approval, survives a snapshot, and resumes in a new agent", async () => {
    let ran = 0;
    const transfer = tool("transfer", () => {
      ran += 1;
      return "sent";
    }, { metadata: { requiresApproval: true } });
    const first = new Agent({
      modelId,
      model: new ScriptedModel([{ toolCalls: [{ name: "transfer", toolUseId: "pay1", input: { amount: 5 } }] }]),
      tools: [transfer],
      middleware: [{ name: "approval", tool: approval }],
    });
    const paused = await first.send("Pay Bob 5");
    expect(paused.status).toBe("interrupted");
    expect(paused.interrupts).toEqual([{ toolUseId: "pay1", name: "transfer", input: { amount: 5 }, reason: "approval required", data: { tool: "transfer" } }]);
    expect(first.conversation.length).toBe(0);
    await expect(first.send("something else")).rejects.toThrow(/paused/);

    const saved = JSON.parse(JSON.stringify(first.snapshot()));
    const model = new ScriptedModel(["Paid."]);
    const second = new Agent({ modelId, model, tools: [transfer], middleware: [{ name: "approval", tool: approval }] });
    second.restore(saved);
    const done = await second.resume({ pay1: { approved: true } });
    expect(done.text).toBe("Paid.");
    expect(ran).toBe(1);
    expect(second.conversation.length).toBe(4);
    expect(model.requests[0]?.messages?.[2]?.content?.[0]?.toolResult?.content).toEqual([{ text: "sent" }]);
  });

  it("reports every step after a restore, including the paused one", async () => {
    const transfer = tool("transfer", () => "sent", { metadata: { requiresApproval: true } });
    const first = new Agent({ modelId, model: new ScriptedModel([{ toolCalls: [{ name: "transfer", toolUseId: "s1" }] }]), tools: [transfer], middleware: [{ tool: approval }] });
    await first.send("Pay");
    const second = new Agent({ modelId, model: new ScriptedModel(["Paid."]), tools: [transfer], middleware: [{ tool: approval }] });
    second.restore(JSON.parse(JSON.stringify(first.snapshot())));
    const result = await second.resume({ s1: { approved: true } });
    expect(result.steps.map((step) => step.step)).toEqual([1, 2]);
    expect(result.steps[0]?.toolCalls).toEqual([{ toolUseId: "s1", name: "transfer", input: {}, status: "success", content: [{ text: "sent" }] }]);
  });

  it("sends a denial reason to the model", async () => {
    const model = new ScriptedModel([{ toolCalls: [{ name: "transfer", toolUseId: "p" }] }, "Understood."]);
    const transfer = tool("transfer", () => "sent", { metadata: { requiresApproval: true } });
    const agent = new Agent({ modelId, model, tools: [transfer], middleware: [{ tool: approval }] });
    await agent.send("Pay");
    await agent.resume({ p: { approved: false, reason: "over budget" } });
    expect(model.requests[1]?.messages?.[2]?.content?.[0]?.toolResult).toMatchObject({ status: "error", content: [{ text: "Denied: over budget" }] });
  });
});

describe("Agent reset", () => {
  it("starts over with an empty conversation that keeps the system prompt and tools, and drops a paused run", async () => {
    const pausing: ToolMiddleware = async (call) => ({ type: "interrupt", reason: `check ${call.name}` });
    const model = new ScriptedModel(["First.", { toolCalls: [{ name: "look", toolUseId: "t1" }] }, "Fresh."]);
    const look = tool("look", () => "seen");
    const agent = new Agent({ modelId, model, system: "Be brief.", tools: [look], middleware: [{ name: "pause", tool: pausing }] });
    await agent.send("One");
    expect((await agent.send("Two")).status).toBe("interrupted");
    expect(agent.pendingInterrupts).toHaveLength(1);

    agent.reset();
    expect(agent.conversation.length).toBe(0);
    expect(agent.conversation.usage.totalTokens).toBe(0);
    expect(agent.pendingInterrupts).toBeUndefined();
    expect((await agent.send("Three")).text).toBe("Fresh.");
    const request = model.requests[2];
    expect(request?.messages?.map((message) => message.content?.[0]?.text)).toEqual(["Three"]);
    expect(request?.system).toEqual([{ text: "Be brief." }]);
    expect(request?.toolConfig?.tools?.map((entry) => entry.toolSpec?.name)).toEqual(["look"]);
  });

  it("refuses a stored conversation and a run in progress, changing nothing", async () => {
    const stored = new Agent({ modelId, model: new ScriptedModel(["Hi."]), store: new InMemoryConversationStore(), conversationId: "c1" });
    await stored.send("Hello");
    expect(() => stored.reset()).toThrow(ConfigurationError);
    expect(() => stored.reset()).toThrow(/new conversationId/);
    expect(stored.conversation.length).toBe(2);

    let release!: () => void;
    const slow = tool("slow", () => new Promise<string>((done) => (release = () => done("ok"))));
    const busy = new Agent({ modelId, model: new ScriptedModel([{ toolCalls: [{ name: "slow", toolUseId: "s1" }] }, "Done."]), tools: [slow] });
    const running = busy.send("Go");
    await new Promise((settle) => setTimeout(settle, 10));
    expect(() => busy.reset()).toThrow(/in progress/);
    release();
    expect((await running).text).toBe("Done.");
    expect(busy.conversation.length).toBe(4);
  });
});

describe("Agent run control", () => {
  it("ends the run after a tool that asks for it, without another model call", async () => {
    const model = new ScriptedModel([{ toolCalls: [{ name: "finish", input: { answer: 42 } }] }, "never used"]);
    const finishTool: AgentTool = {
      name: "finish",
      inputSchema: { type: "object", properties: { answer: { type: "number" } } },
      invoke: async () => ({ content: [{ text: "accepted" }], endRun: true }),
    };
    const agent = new Agent({ modelId, model, tools: [finishTool] });
    const result = await agent.send("Answer");
    expect(result.status).toBe("complete");
    expect(model.requests).toHaveLength(1);
    expect(result.steps[0]?.toolCalls[0]?.input).toEqual({ answer: 42 });
    expect(agent.conversation.lastMessage?.content?.[0]?.toolResult?.status).toBe("success");
    expect((await agent.send("Next")).text).toBe("never used");
  });

  it("gives every model and tool call of one run the same run id, and a new one per run", async () => {
    const seen: string[] = [];
    const agent = new Agent({
      modelId,
      model: new ScriptedModel([{ toolCalls: [{ name: "noop" }] }, "done", "again"]),
      tools: [tool("noop", () => "ok")],
      middleware: [{ model: (call, next) => (seen.push(`model:${call.runId}`), next()), tool: (call, next) => (seen.push(`tool:${call.runId}`), next()) }],
    });
    await agent.send("one");
    await agent.send("two");
    const ids = seen.map((entry) => entry.split(":")[1]);
    expect(new Set(ids.slice(0, 3)).size).toBe(1);
    expect(ids[3]).not.toBe(ids[0]);
  });
});

describe("Agent run middleware", () => {
  it("wraps each whole run, seeing its result or its rolled-back error", async () => {
    const seen: string[] = [];
    const modelRunIds: string[] = [];
    const throttled = new BedrockError("ThrottlingException", "slow down", { httpStatus: 429 });
    const agent = new Agent({
      modelId,
      model: new ScriptedModel(["fine", throttled]),
      middleware: [
        {
          name: "run-watch",
          run: async (run, next) => {
            seen.push(`start:${String(run.input)}`);
            try {
              const result = await next();
              seen.push(`done:${result.text}:${run.runId === modelRunIds.at(-1)}`);
              return result;
            } catch (error) {
              seen.push(`failed:${(error as BedrockError).rollback?.conversationLength}`);
              throw error;
            }
          },
          model: (call, next) => (modelRunIds.push(call.runId), next()),
        },
      ],
    });
    await agent.send("one");
    await expect(agent.send("two")).rejects.toSatisfy(BedrockError.isInstance);
    expect(seen).toEqual(["start:one", "done:fine:true", "start:two", "failed:2"]);
  });

  it("lets a model middleware give the inner layers their own abort signal", async () => {
    const controller = new AbortController();
    let innerSignal: AbortSignal | undefined;
    const agent = new Agent({
      modelId,
      model: new ScriptedModel(["ok"]),
      middleware: [(call, next) => next(undefined, { signal: controller.signal }), (call, next) => ((innerSignal = call.signal), next())],
    });
    await agent.send("hi");
    expect(innerSignal).toBe(controller.signal);
  });
});

describe("Agent configuration", () => {
  it("refuses bad options before any call, saying how to fix them", () => {
    expect(() => new Agent({ modelId: "" })).toThrow(ConfigurationError);
    expect(() => new Agent({ modelId, inferenceConfig: { maxTokens: 0 } })).toThrow(/maxTokens is 0/);
    expect(() => new Agent({ modelId, inferenceConfig: { temperature: 1.5 } })).toThrow(/from 0 to 1/);
    expect(() => new Agent({ modelId, temperature: 0.2 } as never)).toThrow(/Put temperature inside inferenceConfig/);
    expect(() => new Agent({ modelId, tools: [tool("bad name!", () => "")] })).toThrow(/not accepted by Bedrock/);
    expect(() => new Agent({ modelId, tools: [tool("same", () => ""), tool("same", () => "")] })).toThrow(/must be unique/);
    expect(() => new Agent({ modelId: "arn:aws:bedrock:us-east-1:123456789012:prompt/ABC:1", system: "x" })).toThrow(/prompt-management ARN/);
  });

  it("says when a Bedrock API key in the environment decides the authentication", async () => {
    const lines: string[] = [];
    const logger: Logger = { debug: () => {}, info: (_record, message) => lines.push(message ?? ""), warn: () => {}, error: () => {} };
    process.env.AWS_BEARER_TOKEN_BEDROCK = "test-key";
    try {
      const agent = new Agent({ modelId, model: new ScriptedModel(["a", "b"]), logger });
      await agent.send("one");
      await agent.send("two");
    } finally {
      delete process.env.AWS_BEARER_TOKEN_BEDROCK;
    }
    expect(lines.filter((line) => line.startsWith("AWS_BEARER_TOKEN_BEDROCK is set"))).toHaveLength(1);
  });

  it("takes its parts from a container, and lets a registration be swapped", async () => {
    const container = registerSluice(rootContainer.createChildContainer(), { modelId, model: new ScriptedModel(["from container"]) });
    const records: string[] = [];
    const logger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
    container.register(Tokens.Logger, { useValue: { ...logger, info: (_r, m) => records.push(m ?? "") } });
    const agent = new Agent({ container });
    expect((await agent.send("hi")).text).toBe("from container");
    expect(agent.container!.resolve(Tokens.Logger).info).not.toBe(logger.info);

    const swapped = new ScriptedModel(["swapped"]);
    container.register(Tokens.Model, { useValue: swapped });
    expect((await new Agent({ container }).send("hi")).text).toBe("swapped");
    expect(agent.container!.resolve(Tokens.ToolRegistry)).not.toBe(new Agent({ container }).container!.resolve(Tokens.ToolRegistry));
  });
});
