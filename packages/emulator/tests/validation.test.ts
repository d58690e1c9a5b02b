import { ConverseCommand, ConverseStreamCommand, ValidationException } from "@aws-sdk/client-bedrock-runtime";
import type { ConverseCommandInput } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import type { Emulator } from "../src/index.js";
import { bedrockClient, postJson, userText } from "./helpers/clients.js";

const modelId = "us.anthropic.claude-3-5-haiku-20241022-v1:0";
const tools = {
  tools: [{ toolSpec: { name: "lookup", description: "Look something up", inputSchema: { json: { type: "object" } } } }],
};
const toolUse = (toolUseId: string) => ({ toolUse: { toolUseId, name: "lookup", input: {} } });
const toolResult = (toolUseId: string) => ({ toolResult: { toolUseId, content: [{ text: "found" }] } });

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});

async function rejectionOf(input: Omit<ConverseCommandInput, "modelId">, stream = false): Promise<ValidationException> {
  const client = bedrockClient(emulator);
  try {
    const command = stream ? new ConverseStreamCommand({ modelId, ...input }) : new ConverseCommand({ modelId, ...input });
    await client.send(command as ConverseCommand);
  } catch (error) {
    return error as ValidationException;
  } finally {
    client.destroy();
  }
  throw new Error("expected the emulator to reject the request");
}

const cases: Array<[string, Omit<ConverseCommandInput, "modelId">, string]> = [
  [
    "a conversation starting with the assistant",
    { messages: [{ role: "assistant", content: [{ text: "Hello" }] }] },
    "A conversation must start with a user message. Try again with a conversation that starts with a user message.",
  ],
  [
    "an empty message list",
    { messages: [] },
    "A conversation must start with a user message. Try again with a conversation that starts with a user message.",
  ],
  [
    "two user messages in a row",
    { messages: [userText("a"), userText("b")] },
    "A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.",
  ],
  [
    "a blank text block",
    { messages: [userText("  \n")] },
    "The text field in the ContentBlock object at messages.0.content.0 is blank. Add text to the text field, and try again.",
  ],
  [
    "a message with no content",
    { messages: [userText("hi"), { role: "assistant", content: [] }, userText("again")] },
    "The content field in the Message object at messages.1 is empty. Add a ContentBlock object to the content field and try again.",
  ],
  [
    "tool blocks without toolConfig",
    { messages: [userText("go"), { role: "assistant", content: [toolUse("tooluse_1")] }, { role: "user", content: [toolResult("tooluse_1")] }] },
    "The toolConfig field must be defined when using toolUse and toolResult content blocks.",
  ],
  [
    "more toolResults than toolUses",
    {
      toolConfig: tools,
      messages: [userText("go"), { role: "assistant", content: [toolUse("tooluse_1")] }, { role: "user", content: [toolResult("tooluse_1"), toolResult("tooluse_2")] }],
    },
    "The number of toolResult blocks at messages.2.content exceeds the number of toolUse blocks of previous turn.",
  ],
  [
    "a toolResult in the first message",
    { toolConfig: tools, messages: [{ role: "user", content: [toolResult("tooluse_1")] }] },
    "The number of toolResult blocks at messages.0.content exceeds the number of toolUse blocks of previous turn.",
  ],
  [
    "a toolUse left unanswered",
    {
      toolConfig: tools,
      messages: [userText("go"), { role: "assistant", content: [toolUse("tooluse_1"), toolUse("tooluse_2")] }, { role: "user", content: [toolResult("tooluse_1")] }],
    },
    "Expected toolResult blocks at messages.2.content for the following Ids: tooluse_2",
  ],
  [
    "a toolResult answering a different id",
    {
      toolConfig: tools,
      messages: [userText("go"), { role: "assistant", content: [toolUse("tooluse_1")] }, { role: "user", content: [toolResult("tooluse_9")] }],
    },
    "Expected toolResult blocks at messages.2.content for the following Ids: tooluse_1",
  ],
  [
    "an error toolResult with no content",
    {
      toolConfig: tools,
      messages: [
        userText("go"),
        { role: "assistant", content: [toolUse("tooluse_1")] },
        { role: "user", content: [{ toolResult: { toolUseId: "tooluse_1", content: [], status: "error" } }] },
      ],
    },
    "The content field at messages.2.content.0.toolResult cannot be empty when status value is error.",
  ],
  [
    "maxTokens of 0",
    { messages: [userText("hi")], inferenceConfig: { maxTokens: 0 } },
    "1 validation error detected: Value '0' at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must have value greater than or equal to 1",
  ],
  [
    "temperature above 1 and topP below 0",
    { messages: [userText("hi")], inferenceConfig: { temperature: 1.5, topP: -0.1 } },
    "2 validation errors detected: Value '1.5' at 'inferenceConfig.temperature' failed to satisfy constraint: Member must have value less than or equal to 1; Value '-0.1' at 'inferenceConfig.topP' failed to satisfy constraint: Member must have value greater than or equal to 0",
  ],
  [
    "a tool name with a space",
    {
      messages: [userText("hi")],
      toolConfig: { tools: [{ toolSpec: { name: "Complete Session", inputSchema: { json: {} } } }] },
    },
    "1 validation error detected: Value 'Complete Session' at 'toolConfig.tools.1.member.toolSpec.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+",
  ],
  [
    "a tool name in history with a dollar sign",
    {
      toolConfig: tools,
      messages: [
        userText("go"),
        { role: "assistant", content: [{ toolUse: { toolUseId: "tooluse_1", name: "$READFILE", input: {} } }] },
        { role: "user", content: [toolResult("tooluse_1")] },
      ],
    },
    "1 validation error detected: Value '$READFILE' at 'messages.2.member.content.1.member.toolUse.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+",
  ],
  [
    "an empty tool list",
    { messages: [userText("hi")], toolConfig: { tools: [] } },
    "1 validation error detected: Value '[]' at 'toolConfig.tools' failed to satisfy constraint: Member must have length greater than or equal to 1",
  ],
  [
    "a system role inside messages",
    { messages: [{ role: "system" as never, content: [{ text: "be nice" }] }] },
    "1 validation error detected: Value 'system' at 'messages.1.member.role' failed to satisfy constraint: Member must satisfy enum value set: [user, assistant]",
  ],
  [
    "a blank system prompt",
    { messages: [userText("hi")], system: [{ text: " " }] },
    "The text field in the SystemContentBlock object at system.0 is blank. Add text to the text field, and try again.",
  ],
  [
    "no messages at all",
    {},
    "1 validation error detected: Value null at 'messages' failed to satisfy constraint: Member must not be null",
  ],
];

describe("Converse validation through the AWS SDK", () => {
  it.each(cases)("rejects %s", async (_name, input, message) => {
    const error = await rejectionOf(input);
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toBe(message);
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.$fault).toBe("client");
  });

  it("rejects ConverseStream the same way, before any stream starts", async () => {
    const error = await rejectionOf({ messages: [{ role: "assistant", content: [{ text: "Hello" }] }] }, true);
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it("accepts a complete tool round trip", async () => {
    const client = bedrockClient(emulator);
    const response = await client.send(
      new ConverseCommand({
        modelId,
        toolConfig: tools,
        messages: [userText("go"), { role: "assistant", content: [{ text: "Looking." }, toolUse("tooluse_1")] }, { role: "user", content: [toolResult("tooluse_1")] }],
      }),
    );
    expect(response.output?.message?.content?.[0]?.text).toBe("Tool results: lookup: found");
    client.destroy();
  });
});

describe("Converse validation of raw bodies", () => {
  const path = `/model/${encodeURIComponent(modelId)}/converse`;

  it("rejects an unknown top-level member", async () => {
    const response = await postJson(emulator, path, { messages: [userText("hi")], stream: true });
    expect(response.status).toBe(400);
    expect(response.headers.get("x-amzn-errortype")).toBe("ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/");
    expect(JSON.parse(response.text)).toEqual({
      message: "Malformed input request: #: extraneous key [stream] is not permitted, please reformat your input and try again.",
    });
  });

  it("answers a body that is not JSON with a SerializationException", async () => {
    const response = await postJson(emulator, path, "{not json");
    expect(response.status).toBe(400);
    expect(response.headers.get("x-amzn-errortype")).toMatch(/^SerializationException:/);
  });

  it("rejects a content block with two members", async () => {
    const response = await postJson(emulator, path, { messages: [{ role: "user", content: [{ text: "a", cachePoint: { type: "default" } }] }] });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).message).toMatch(/^The ContentBlock object at messages\.0\.content\.0 must contain exactly one of/);
  });
});
