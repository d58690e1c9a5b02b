import { BedrockRuntimeClient as PreviousSdkClient } from "aws-sdk-bedrock-previous";
import { BedrockRuntimeClient as LegacySdkClient } from "aws-sdk-bedrock-legacy";
import { describe, expect, it } from "vitest";
import {
  AbortError,
  Agent,
  BedrockError,
  ConfigurationError,
  ConversationStoreError,
  ConversationValidationError,
  InMemoryConversationStore,
  MiddlewareError,
  type ConversationSnapshot,
  type ConversationStore,
  type Middleware,
} from "../src/index.js";
import { echoTool, expectRefusedRun, rejectionOf } from "./bad-input-catalogue.js";
import { localCredentials, useEmulator } from "./emulator-fixture.js";

const modelId = "anthropic.claude-3-5-haiku-20241022-v1:0";
const local = useEmulator();

const goodSnapshot = () => ({
  format: "sluice.conversation",
  version: 1,
  messages: [
    { role: "user", content: [{ text: "hi" }] },
    { role: "assistant", content: [{ text: "hello" }] },
  ],
  usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
});
const edit = (change: (snapshot: Record<string, any>) => void) => {
  const snapshot = goodSnapshot() as Record<string, any>;
  change(snapshot);
  return snapshot;
};

const badSnapshots: Array<[string, unknown, RegExp]> = [
  ["null", null, /Not a Sluice conversation snapshot/],
  ["a wrong format", edit((s) => (s.format = "other")), /Not a Sluice conversation snapshot/],
  ["a wrong version", edit((s) => (s.version = 2)), /Not a Sluice conversation snapshot/],
  ["messages that are not an array", edit((s) => (s.messages = {})), /^messages is an object; expected an array of messages/],
  ["a message that is a string", edit((s) => (s.messages[1] = "hello")), /^messages\[1\] is a string, not a message/],
  ["a message without content", edit((s) => delete s.messages[1].content), /^messages\[1\]\.content is undefined/],
  ["blank text", edit((s) => (s.messages[1].content[0].text = "")), /^messages\[1\]\.content\[0\] is a blank text block/],
  ["two assistant messages in a row", edit((s) => s.messages.push({ role: "assistant", content: [{ text: "x" }] })), /^messages\[2\] has role "assistant" like the message before it/],
  ["an assistant message first", edit((s) => s.messages.shift()), /^messages\[0\]: a conversation must start with a user message/],
  ["a __proto__ key", JSON.parse('{"format":"sluice.conversation","version":1,"messages":[{"role":"user","content":[{"text":"hi","__proto__":{"polluted":true}}]}],"usage":{}}'), /^snapshot\.messages\[0\]\.content\[0\] has the key "__proto__"/],
  ["a constructor key", edit((s) => (s.messages[0].constructor = { prototype: {} })), /^snapshot\.messages\[0\] has the key "constructor"/],
  ["a token counter that is a string", edit((s) => (s.usage.inputTokens = "12")), /^usage\.inputTokens is "12"; token counters must be numbers/],
  ["a negative token counter", edit((s) => (s.usage.totalTokens = -1)), /^usage\.totalTokens is -1/],
  ["image bytes that are a number", edit((s) => s.messages[0].content.push({ image: { format: "png", source: { bytes: 5 } } })), /^messages\[0\]\.content\[1\]\.image\.source\.bytes must be a base64 string/],
  ["a blank system prompt", edit((s) => (s.system = [{ text: " " }])), /^system\[0\] is a blank text block/],
  ["a toolConfig with a bad tool name", edit((s) => (s.toolConfig = { tools: [{ toolSpec: { name: "no spaces allowed", inputSchema: { json: {} } } }] })), /^toolConfig\.tools\[0\]\.toolSpec\.name must be a tool name/],
  ["a toolUse left unanswered in the middle", edit((s) => {
    s.messages[1].content = [{ toolUse: { toolUseId: "t1", name: "echo", input: {} } }];
    s.messages.push({ role: "user", content: [{ text: "ignored it" }] });
  }), /^messages\[2\] must answer every toolUse of the previous assistant message with a toolResult; missing: "t1"/],
];

describe("bad input catalogue: snapshots", () => {
  it.each(badSnapshots)("restore() refuses a snapshot with %s and keeps the agent as it was", async (_name, conversation, message) => {
    const agent = new Agent({ modelId, client: local.client(), tools: [echoTool] });
    await agent.send("first");
    const before = JSON.stringify(agent.snapshot());
    let error: unknown;
    try {
      agent.restore({ format: "sluice.agent", version: 1, conversation: conversation as ConversationSnapshot });
    } catch (caught) {
      error = caught;
    }
    expect(ConversationValidationError.isInstance(error), String(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
    expect(JSON.stringify(agent.snapshot())).toBe(before);
    expect((await agent.send("next")).text).toBe("You said: next");
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it.each([
    ["not an agent snapshot", { format: "sluice.conversation" }, ConfigurationError.isInstance, /Not an agent snapshot/],
    ["a paused run whose messages do not follow", { paused: { messages: [{ role: "assistant", content: [{ text: "x" }] }], replacesLast: false, stepsTaken: 1, usage: {}, steps: [], results: {}, interrupts: [{ toolUseId: "t", name: "echo", input: {}, reason: "r" }] } }, ConversationValidationError.isInstance, /^paused: messages\[2\] has role "assistant" like the message before it/],
    ["a paused run without interrupts", { paused: { messages: [], replacesLast: false, stepsTaken: 1, usage: {}, steps: [], results: {}, interrupts: [] } }, ConversationValidationError.isInstance, /^paused\.interrupts must list the paused tool calls/],
    ["a paused run with a fractional step count", { paused: { messages: [], replacesLast: false, stepsTaken: 1.5 } }, ConversationValidationError.isInstance, /^paused\.stepsTaken must be a whole number/],
  ] as const)("restore() refuses %s", async (_name, extra, is, message) => {
    const agent = new Agent({ modelId, client: local.client() });
    await agent.send("first");
    const snapshot = { ...agent.snapshot(), ...extra } as never;
    let error: unknown;
    try {
      agent.restore(snapshot);
    } catch (caught) {
      error = caught;
    }
    expect(is(error), String(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
    expect(agent.conversation.length).toBe(2);
    expect((await agent.send("next")).text).toBe("You said: next");
  });
});

class FlakyStore implements ConversationStore {
  readonly inner = new InMemoryConversationStore();
  failLoad: unknown;
  failSave: unknown;
  loaded: unknown;
  async load(id: string) {
    if (this.failLoad !== undefined) throw this.failLoad;
    return this.loaded !== undefined ? (this.loaded as ConversationSnapshot) : this.inner.load(id);
  }
  async save(id: string, snapshot: ConversationSnapshot) {
    if (this.failSave !== undefined) throw this.failSave;
    return this.inner.save(id, snapshot);
  }
  async delete(id: string) {
    return this.inner.delete(id);
  }
}

describe("bad input catalogue: stores", () => {
  it("a load() that throws is a ConversationStoreError and no turn runs", async () => {
    const store = new FlakyStore();
    store.failLoad = new Error("connection refused");
    const agent = new Agent({ modelId, client: local.client(), store, conversationId: "c1" });
    const error = await rejectionOf(() => agent.send("hi"));
    expect(ConversationStoreError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/The conversation store's load\("c1"\) failed: connection refused\. No turn was run\. \(No turn was started: the conversation is unchanged at 0 messages\.\)/);
    expect(error.rolledBack).toBe(true);
    expect(local.emulator.requests).toHaveLength(0);
    store.failLoad = undefined;
    expect((await agent.send("next")).text).toBe("You said: next");
  });

  it.each([
    ["a snapshot with blank text", edit((s) => (s.messages[0].content[0].text = "")), /The snapshot the store loaded for "c1" is refused: messages\[0\]\.content\[0\] is a blank text block/],
    ["a string", "{}", /Not a Sluice conversation snapshot/],
  ])("a load() that returns %s is refused with its path", async (_name, loaded, message) => {
    const store = new FlakyStore();
    store.loaded = loaded;
    const agent = new Agent({ modelId, client: local.client(), store, conversationId: "c1" });
    const error = await rejectionOf(() => agent.send("hi"));
    expect(ConversationValidationError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(message);
    expect(error.rolledBack).toBe(true);
    store.loaded = undefined;
    expect((await agent.send("next")).text).toBe("You said: next");
  });

  it.each([["an Error", new Error("disk full"), /disk full/], ["a string", "quota", /quota/], ["a null-prototype object", Object.create(null), /a thrown object with no message/]])(
    "a save() that throws %s is a ConversationStoreError saying the turn was not added",
    async (_name, thrown, detail) => {
      const store = new FlakyStore();
      const agent = new Agent({ modelId, client: local.client(), store, conversationId: "c1" });
      await agent.send("first");
      store.failSave = thrown;
      const before = JSON.stringify(agent.snapshot());
      const error = await rejectionOf(() => agent.send("second"));
      expect(ConversationStoreError.isInstance(error)).toBe(true);
      expect(error.message).toMatch(new RegExp(`The conversation store's save\\("c1"\\) failed: ${detail.source}\\. The turn was not added to the agent's conversation`));
      expect(error.rolledBack).toBe(true);
      expect(JSON.stringify(agent.snapshot())).toBe(before);
      store.failSave = undefined;
      expect((await agent.send("next")).text).toBe("You said: next");
      expect((await store.load("c1"))?.messages).toHaveLength(4);
    },
  );
});

describe("bad input catalogue: middleware and listeners", () => {
  const cases: Array<[string, Middleware, (error: unknown) => boolean, RegExp]> = [
    ["a model middleware that sends blank text", (call, next) => next({ ...call.request, messages: [{ role: "user", content: [{ text: "" }] }] }), ConversationValidationError.isInstance, /The request of model call 1 was not sent: messages\[0\]\.content\[0\] is a blank text block/],
    ["a model middleware that drops the tool results", (call, next) => next({ ...call.request, messages: call.request.messages?.filter((m) => !m.content?.some((b) => b.toolResult)) }), ConversationValidationError.isInstance, /The request of model call 2 was not sent: messages\[1\] asks for tools, but no user message with their toolResults follows it/],
    ["a model middleware that drops the toolConfig", (call, next) => next({ ...call.request, toolConfig: undefined }), ConversationValidationError.isInstance, /The request of model call 2 was not sent: The messages hold toolUse or toolResult blocks but the request has no toolConfig/],
    ["a model middleware that returns nothing", (async () => undefined) as never, MiddlewareError.isInstance, /returned nothing/],
    ["a run middleware that throws before next()", { name: "gate", run: async () => { throw new Error("closed"); } }, (e) => (e as Error).name === "AgentRunError", /The agent run failed: closed/],
  ];
  it.each(cases)("%s: typed error, rollback, next send works", async (_name, middleware, is, message) => {
    local.emulator.enqueue({ toolCalls: [{ name: "echo", input: {} }] });
    const agent = new Agent({ modelId, client: local.client(), tools: [echoTool], middleware: [middleware] });
    const refusal = { is, message };
    const before = JSON.stringify(agent.snapshot());
    const error = await rejectionOf(() => agent.send("go"));
    expect(error.message).toMatch(message);
    expect(is(error)).toBe(true);
    expect(error.rolledBack).toBe(true);
    expect(JSON.stringify(agent.snapshot())).toBe(before);
    void refusal;
  });

  it("a run middleware that throws after next() says the turn was committed (rolledBack: false)", async () => {
    const agent = new Agent({ modelId, client: local.client(), middleware: [{ name: "after", run: async (_run, next) => { await next(); throw new Error("audit log down"); } }] });
    const error = await rejectionOf(() => agent.send("hi"));
    expect(error.name).toBe("AgentRunError");
    expect(error.message).toMatch(/The agent run failed: audit log down \(The turn was committed before this error: the conversation holds it at 2 messages\. Do not send the same input again\.\)/);
    expect(error.rolledBack).toBe(false);
    expect(agent.conversation.length).toBe(2);
  });

  it("a listener that throws never fails the run and is reported", async () => {
    const agent = new Agent({ modelId, client: local.client() });
    const reported: string[] = [];
    agent.on("text-delta", () => { throw new Error("ui gone"); });
    agent.on("finish", async () => { throw new Error("async listener"); });
    agent.on("listener-error", (event) => reported.push(`${event.eventType}: ${(event.error as Error).message}`));
    const result = await agent.stream("hello there").result;
    expect(result.text).toBe("You said: hello there");
    await new Promise((resolve) => setImmediate(resolve));
    expect(reported).toContain("text-delta: ui gone");
    expect(reported).toContain("finish: async listener");
    expect(agent.conversation.length).toBe(2);
  });

  it("an abort from a listener after the answer arrived still rolls the turn back", async () => {
    const agent = new Agent({ modelId, client: local.client() });
    await agent.send("first");
    const controller = new AbortController();
    agent.on("step-finish", () => controller.abort());
    await expectRefusedRun(agent, () => agent.send("second", { signal: controller.signal }), { is: AbortError.isInstance, message: /^The agent run was aborted\. \(The turn was rolled back/ }, "next");
  });
});

describe("typed errors from another copy of the AWS SDK", () => {
  const clients = [
    ["@aws-sdk/client-bedrock-runtime 3.929.0", () => new PreviousSdkClient({ endpoint: local.emulator.url, region: "us-east-1", credentials: localCredentials, maxAttempts: 1 })],
    ["@aws-sdk/client-bedrock-runtime 3.750.0", () => new LegacySdkClient({ endpoint: local.emulator.url, region: "us-east-1", credentials: localCredentials, maxAttempts: 1 })],
  ] as const;
  for (const [version, makeClient] of clients) {
    it.each([
      ["an in-stream throttle as the first frame", true, { type: "stream-error", exception: "ThrottlingException", afterEvents: 0 }, "ThrottlingException", true],
      ["an in-stream throttle mid-stream", true, { type: "stream-error", exception: "ThrottlingException", afterEvents: 2 }, "ThrottlingException", true],
      ["an in-stream model error", true, { type: "stream-error", exception: "ModelStreamErrorException", afterEvents: 1 }, "ModelStreamErrorException", false],
      ["an HTTP throttle on a stream", true, { type: "error", exception: "ThrottlingException" }, "ThrottlingException", true],
      ["an HTTP 503", false, { type: "error", exception: "ServiceUnavailableException" }, "ServiceUnavailableException", true],
    ] as const)(`${version}: %s is a BedrockError`, async (_name, streaming, effect, errorName, retryable) => {
      const agent = new Agent({ modelId, client: makeClient() as never });
      expect((await agent.send("first")).text).toBe("You said: first");
      local.emulator.injectFault({ firstCalls: 1, effect: effect as never });
      const error = await rejectionOf(() => (streaming ? agent.stream("again").result : agent.send("again")));
      expect(BedrockError.isInstance(error), `${error.name}: ${error.message}`).toBe(true);
      expect((error as BedrockError).errorName).toBe(errorName);
      expect((error as BedrockError).isRetryable).toBe(retryable);
      expect(error.rolledBack).toBe(true);
      expect((await agent.stream("next").result).text).toBe("You said: next");
    });
  }
});
