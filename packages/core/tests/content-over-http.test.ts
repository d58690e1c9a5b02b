import { describe, expect, it } from "vitest";
import { Agent, BedrockError, type AgentTool, type Message } from "../src/index.js";
import { ScriptedModel } from "../src/testing/index.js";
import { useEmulator } from "./emulator-fixture.js";

const modelId = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
const local = useEmulator();
const messagesOf = (index: number) => (local.emulator.requests[index]?.body as { messages: Message[] }).messages;

const lookup: AgentTool = {
  name: "lookup",
  inputSchema: { type: "object", properties: { term: { type: "string" } } },
  invoke: async () => ({ content: [{ text: "found it" }] }),
};

describe("content over HTTP", () => {
  it.each([
    ["send", false],
    ["stream", true],
  ] as const)("sends reasoning back unchanged with its signature across a tool call (%s)", async (_name, streaming) => {
    local.emulator.enqueue([
      { reasoning: { text: "The user wants a lookup.", signature: "EqQBCkYIBxgCKkD" }, toolCalls: [{ name: "lookup", input: { term: "tides" } }] },
      { text: "Here is what I found." },
    ]);
    const agent = new Agent({ modelId, client: local.client(), tools: [lookup], additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 1024 } } });
    const result = streaming ? await agent.stream("Look up tides").result : await agent.send("Look up tides");
    expect(result.text).toBe("Here is what I found.");
    const assistant = messagesOf(1)[1];
    expect(assistant?.content?.[0]).toEqual({ reasoningContent: { reasoningText: { text: "The user wants a lookup.", signature: "EqQBCkYIBxgCKkD" } } });
    expect(assistant?.content?.[1]?.toolUse?.name).toBe("lookup");
    expect(local.emulator.requests[1]?.response?.status).toBe(200);
  });

  it("keeps redacted reasoning as bytes and sends it back as base64", async () => {
    const redacted = Buffer.from("opaque-redacted-thinking").toString("base64");
    local.emulator.enqueue([{ reasoning: { redactedContent: redacted }, text: "Answer one." }]);
    const agent = new Agent({ modelId, client: local.client() });
    await agent.send("First");
    const stored = agent.conversation.messages[1]?.content?.[0]?.reasoningContent?.redactedContent;
    expect(Buffer.from(stored ?? new Uint8Array()).toString("base64")).toBe(redacted);
    await agent.send("Second");
    expect(messagesOf(1)[1]?.content?.[0]).toEqual({ reasoningContent: { redactedContent: redacted } });
  });

  it("accepts content blocks as input: text with image bytes and a document", async () => {
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
    const agent = new Agent({ modelId, client: local.client() });
    await agent.send([
      { text: "Describe these" },
      { image: { format: "png", source: { bytes: png } } },
      { document: { format: "txt", name: "notes", source: { bytes: new TextEncoder().encode("hello") } } },
    ]);
    const content = messagesOf(0)[0]?.content ?? [];
    expect(content[1]).toEqual({ image: { format: "png", source: { bytes: Buffer.from(png).toString("base64") } } });
    expect(content[2]?.document?.name).toBe("notes");
  });

  it("answers a hallucinated tool name Bedrock refuses, and stores it so later calls stay valid", async () => {
    local.emulator.enqueue([{ toolCalls: [{ name: "$READFILE", input: { path: "/etc/passwd" } }] }, { text: "I cannot read files." }]);
    const agent = new Agent({ modelId, client: local.client(), tools: [lookup] });
    const result = await agent.send("Read a file");
    expect(result.text).toBe("I cannot read files.");
    const toolResult = messagesOf(1)[2]?.content?.[0]?.toolResult;
    expect(toolResult?.status).toBe("error");
    expect(toolResult?.content?.[0]?.text).toMatch(/no tool named "\$READFILE"/);
    expect(messagesOf(1)[1]?.content?.[0]?.toolUse?.name).toBe("_READFILE");
    await agent.send("Fine, thanks");
    expect(local.emulator.requests.map((request) => request.response?.status)).toEqual([200, 200, 200]);
  });

  it("wraps service errors with their name, HTTP status and request id", async () => {
    const agent = new Agent({ modelId: "no-such-model", client: local.client() });
    const error = await agent.send("hi").catch((e: unknown) => e);
    expect(BedrockError.isInstance(error)).toBe(true);
    const bedrockError = error as BedrockError;
    expect(bedrockError.errorName).toBe("ValidationException");
    expect(bedrockError.httpStatus).toBe(400);
    expect(bedrockError.isRetryable).toBe(false);
    expect(bedrockError.requestId).toBe(local.emulator.requests[0]?.requestId);
    expect(bedrockError.message).toMatch(/model identifier is invalid/);
  });

  it("ships a scripted model for unit tests under @sluice/core/testing", async () => {
    const testing = await import("@sluice/core/testing");
    const model = new testing.ScriptedModel(["scripted"]);
    expect(model).toBeInstanceOf(ScriptedModel);
    expect((await new Agent({ modelId, model }).send("hi")).text).toBe("scripted");
  });
});
