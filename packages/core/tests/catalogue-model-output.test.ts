import type { FaultEffect } from "@sluice/emulator";
import { describe, expect, it } from "vitest";
import {
  AgentRunError,
  Agent,
  BedrockError,
  ModelOutputError,
  SluiceError,
  type AgentTool,
  type ToolErrorEvent,
} from "../src/index.js";
import { echoTool, expectRefusedRun, type Refusal } from "./bad-input-catalogue.js";
import { useEmulator } from "./emulator-fixture.js";

const modelId = "anthropic.claude-3-5-haiku-20241022-v1:0";
const local = useEmulator();
const apis = ["send", "stream"] as const;
const run = (agent: Agent, api: (typeof apis)[number], input: string) => (api === "send" ? agent.send(input) : agent.stream(input).result);
const toolUse = (toolUseId: unknown, input: unknown = {}, name = "echo") => ({ toolUse: { toolUseId, name, input } });

// Model output the turn cannot keep: a typed error, the turn rolled back.
const refusedAnswers: Array<[string, unknown[], Refusal]> = [
  ["two toolUse blocks with one ID", [toolUse("dup"), toolUse("dup")], { is: ModelOutputError.isInstance, message: /The model's answer at step 1 cannot be kept: messages\[5\] holds two toolUse blocks with the id "dup"/ }],
  ["a toolUse ID with spaces", [toolUse("bad id")], { is: ModelOutputError.isInstance, message: /messages\[5\]\.content\[0\]\.toolUse\.toolUseId is "bad id"; it must be 1 to 64 characters/ }],
  ["an empty toolUse ID", [toolUse("")], { is: ModelOutputError.isInstance, message: /toolUse\.toolUseId is ""/ }],
  ["a toolUse ID of 65 characters", [toolUse("x".repeat(65))], { is: ModelOutputError.isInstance, message: /toolUse\.toolUseId is "x{65}"/ }],
  ["a toolUse ID the conversation already used", [toolUse("tooluse_first")], { is: ModelOutputError.isInstance, message: /holds a toolUse with the id "tooluse_first", which an earlier message already used/ }],
];

describe("bad input catalogue: model output over Converse", () => {
  for (const api of apis) {
    it.each(refusedAnswers)(`${api}(): %s is a typed error and a rollback`, async (_name, content, refusal) => {
      local.emulator.enqueue([{ toolCalls: [{ name: "echo", toolUseId: "tooluse_first" }] }, { text: "ok" }]);
      const agent = new Agent({ modelId, client: local.client(), tools: [echoTool] });
      await agent.send("first");
      local.emulator.enqueue({ content: content as never, stopReason: "tool_use" });
      await expectRefusedRun(agent, () => run(agent, api, "again"), refusal);
    });
  }

  // Model output that goes back to the model as an error tool result; the run completes.
  const answeredWithError: Array<[string, unknown, RegExp]> = [
    ["an array", [1, 2], /The input for echo must be a JSON object, but it is an array/],
    ["a string", "city=Paris", /The input for echo must be a JSON object, but it is a string/],
    ["null", null, /The input for echo must be a JSON object, but it is (null|undefined)/],
    ["a number", 3, /The input for echo must be a JSON object, but it is a number/],
  ];
  for (const api of apis) {
    // Streamed, the emulator sends null input as no input at all (which is {}), so null is a send()-only case.
    it.each(answeredWithError.filter(([name]) => api === "send" || name !== "null"))(`${api}(): tool input that is %s becomes an error tool result`, async (_name, input, message) => {
      local.emulator.enqueue([{ content: [toolUse("tooluse_a", input)] as never, stopReason: "tool_use" }, { text: "Sorry." }]);
      const agent = new Agent({ modelId, client: local.client(), tools: [echoTool] });
      const errors: ToolErrorEvent[] = [];
      agent.on("tool-error", (event) => errors.push(event));
      const result = await run(agent, api, "go");
      expect(result.text).toBe("Sorry.");
      expect(errors.map((event) => event.reason)).toEqual(["invalid-input"]);
      expect(errors[0]?.message).toMatch(message);
      expect(agent.conversation.messages[1]?.content?.[0]?.toolUse?.input).toEqual({ __invalidInput: input });
      expect((await agent.send("next")).text).toBe("You said: next"); // the stored history is accepted
    });
  }

  it.each(apis)("%s(): a tool name Bedrock refuses is answered with an error and stored sanitised", async (api) => {
    local.emulator.enqueue([{ content: [toolUse("tooluse_n", {}, "$READ FILE")] as never, stopReason: "tool_use" }, { text: "ok" }]);
    const agent = new Agent({ modelId, client: local.client(), tools: [echoTool] });
    const errors: ToolErrorEvent[] = [];
    agent.on("tool-error", (event) => errors.push(event));
    await run(agent, api, "go");
    expect(errors[0]?.message).toMatch(/There is no tool named "\$READ FILE"\. Available tools: echo/);
    expect(agent.conversation.messages[1]?.content?.[0]?.toolUse?.name).toBe("_READ_FILE");
    expect((await agent.send("next")).text).toBe("You said: next");
  });
});

// Faults on the wire, including damaged or cut-short event-stream bytes.
const streamFaults: Array<[string, FaultEffect, Refusal]> = [
  ["a stream cut short before any event", { type: "truncate", afterEvents: 0 }, { is: ModelOutputError.isInstance, message: /The model's stream ended without messageStop/ }],
  ["a stream cut short after messageStart", { type: "truncate", afterEvents: 1 }, { is: ModelOutputError.isInstance, message: /ended without messageStop, so its answer may be cut off/ }],
  ["a stream cut short mid-text", { type: "truncate", afterEvents: 3 }, { is: ModelOutputError.isInstance, message: /ended without messageStop/ }],
  ["a damaged first frame", { type: "corrupt", afterEvents: 0 }, { is: SluiceError.isInstance, message: /checksum/ }],
  ["a damaged frame mid-text", { type: "corrupt", afterEvents: 2 }, { is: AgentRunError.isInstance, message: /The agent run failed: .*checksum/ }],
  ["an in-stream throttle as the first frame", { type: "stream-error", exception: "ThrottlingException", afterEvents: 0 }, { is: BedrockError.isInstance, message: /^ThrottlingException: Too many requests/ }],
  ["an in-stream model error mid-text", { type: "stream-error", exception: "ModelStreamErrorException", afterEvents: 2 }, { is: BedrockError.isInstance, message: /^ModelStreamErrorException: / }],
  ["an in-stream validation error", { type: "stream-error", exception: "ValidationException", afterEvents: 1 }, { is: BedrockError.isInstance, message: /^ValidationException: / }],
  ["a dropped connection mid-stream", { type: "disconnect", afterEvents: 2 }, { is: SluiceError.isInstance, message: /The agent run failed|aborted|socket|ECONNRESET|terminated/i }],
];

const callFaults: Array<[string, FaultEffect, Refusal]> = [
  ["an HTTP throttle", { type: "error", exception: "ThrottlingException" }, { is: BedrockError.isInstance, message: /^ThrottlingException: / }],
  ["an HTTP 500", { type: "error", exception: "InternalServerException" }, { is: BedrockError.isInstance, message: /^InternalServerException: / }],
  ["an HTTP 503", { type: "error", exception: "ServiceUnavailableException" }, { is: BedrockError.isInstance, message: /^ServiceUnavailableException: / }],
  ["access denied", { type: "error", exception: "AccessDeniedException" }, { is: BedrockError.isInstance, message: /^AccessDeniedException: / }],
  ["a validation error", { type: "error", exception: "ValidationException" }, { is: BedrockError.isInstance, message: /^ValidationException: / }],
  ["a connection dropped before the answer", { type: "disconnect", afterEvents: 0 }, { is: SluiceError.isInstance, message: /The agent run failed|socket|ECONNRESET/i }],
];

describe("bad input catalogue: raw stream bytes and service faults", () => {
  it.each(streamFaults)("stream(): %s", async (_name, effect, refusal) => {
    const agent = new Agent({ modelId, client: local.client() });
    await agent.send("first");
    local.emulator.injectFault({ firstCalls: 1, operations: ["ConverseStream"], effect });
    await expectRefusedRun(agent, () => agent.stream("a longer question for several chunks").result, refusal);
  });

  for (const api of apis) {
    it.each(callFaults)(`${api}(): %s`, async (_name, effect, refusal) => {
      const agent = new Agent({ modelId, client: local.client() });
      await agent.send("first");
      local.emulator.injectFault({ firstCalls: 1, operations: ["Converse", "ConverseStream"], effect });
      await expectRefusedRun(agent, () => run(agent, api, "again"), refusal);
    });
  }

  it("a fault in the second model call of a tool loop rolls back the whole turn", async () => {
    local.emulator.enqueue({ toolCalls: [{ name: "echo", input: { q: 1 } }] });
    const agent = new Agent({ modelId, client: local.client(), tools: [echoTool] });
    local.emulator.injectFault({ everyNth: 2, times: 1, effect: { type: "error", exception: "InternalServerException" } });
    await expectRefusedRun(agent, () => agent.send("use the tool"), { is: BedrockError.isInstance, message: /^InternalServerException/ });
  });
});

const throwingTool = (thrown: () => unknown): AgentTool => ({ ...echoTool, name: "fragile", invoke: async () => { throw thrown(); } });
const returningTool = (output: unknown): AgentTool => ({ ...echoTool, name: "fragile", invoke: async () => output as never });

// Tool handlers may throw anything or return nonsense: the model gets a readable error result.
const toolFailures: Array<[string, AgentTool, RegExp]> = [
  ["throws a null-prototype object", throwingTool(() => Object.create(null)), /The tool fragile failed: a thrown object with no message/],
  ["throws a string", throwingTool(() => "disk full"), /The tool fragile failed: disk full/],
  ["throws a symbol", throwingTool(() => Symbol("nope")), /The tool fragile failed: a thrown symbol nope/],
  ["throws undefined", throwingTool(() => undefined), /The tool fragile failed: undefined was thrown/],
  ["throws null", throwingTool(() => null), /The tool fragile failed: null was thrown/],
  ["throws a number", throwingTool(() => 404), /The tool fragile failed: number 404 was thrown/],
  ["throws an Error without a message", throwingTool(() => new Error()), /The tool fragile failed: \(no message\)/],
  ["throws a TypeError", throwingTool(() => new TypeError("x is undefined")), /The tool fragile failed: TypeError: x is undefined/],
  ["returns undefined", returningTool(undefined), /returned a result Bedrock would refuse: the tool returned undefined instead of \{ content/],
  ["returns blank text", returningTool({ content: [{ text: " " }] }), /returned a result Bedrock would refuse: content\[0\] is a blank text block/],
  ["returns content that is not an array", returningTool({ content: "done" }), /content is a string; it must be an array of blocks/],
  ["returns a block with two members", returningTool({ content: [{ text: "a", json: {} }] }), /content\[0\] sets both text and json/],
  ["returns json that is a number", returningTool({ content: [{ json: 5 }] }), /content\[0\]\.json is a number; json results must be an object or an array/],
  ["returns an unknown status", returningTool({ content: [{ text: "a" }], status: "ok" }), /status is "ok"; use "success" or "error"/],
];

describe("bad input catalogue: tool handlers", () => {
  it.each(toolFailures)("a tool that %s becomes an error tool result", async (_name, tool, message) => {
    local.emulator.enqueue([{ toolCalls: [{ name: "fragile" }] }, { text: "Handled." }]);
    const agent = new Agent({ modelId, client: local.client(), tools: [tool] });
    const errors: ToolErrorEvent[] = [];
    agent.on("tool-error", (event) => errors.push(event));
    expect((await agent.send("go")).text).toBe("Handled.");
    expect(errors[0]?.message).toMatch(message);
    const sent = local.emulator.requests[1]?.body as { messages: Array<{ content: Array<{ toolResult?: { status: string; content: Array<{ text: string }> } }> }> };
    expect(sent.messages[2]?.content[0]?.toolResult?.status).toBe("error");
    expect((await agent.send("next")).text).toBe("You said: next");
  });
});
