import { ConverseCommand, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import type { ContentBlock, Message } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import type { Emulator } from "../src/index.js";
import { bedrockClient, transports, userText } from "./helpers/clients.js";

const modelId = "global.anthropic.claude-sonnet-4-5-20250929-v1:0";
const toolConfig = {
  tools: [{ toolSpec: { name: "add", description: "Adds two numbers", inputSchema: { json: { type: "object", properties: { a: { type: "number" }, b: { type: "number" } } } } } }],
};

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => emulator.reset());

describe.each(transports)("AWS SDK tool-use round trip over %s", (transport) => {
  it("calls a tool from a streamed turn and answers the result in a second turn", async () => {
    emulator.enqueue({ toolCalls: [{ name: "add", input: { a: 2, b: 3 } }] });
    emulator.addRule({ match: { toolResult: { name: "add" } }, reply: { text: "The sum is 5." } });
    const client = bedrockClient(emulator, transport);
    const question = userText("2 + 3?");
    const stream = await client.send(new ConverseStreamCommand({ modelId, messages: [question], toolConfig }));
    let toolUseId = "";
    let inputJson = "";
    let name = "";
    for await (const event of stream.stream ?? []) {
      const start = event.contentBlockStart?.start?.toolUse;
      if (start !== undefined) {
        toolUseId = start.toolUseId ?? "";
        name = start.name ?? "";
      }
      inputJson += event.contentBlockDelta?.delta?.toolUse?.input ?? "";
    }
    expect(name).toBe("add");
    const input = JSON.parse(inputJson) as { a: number; b: number };
    const assistant: Message = { role: "assistant", content: [{ toolUse: { toolUseId, name, input } } as ContentBlock] };
    const result: Message = { role: "user", content: [{ toolResult: { toolUseId, content: [{ json: { sum: input.a + input.b } }] } }] };
    const answer = await client.send(new ConverseCommand({ modelId, messages: [question, assistant, result], toolConfig }));
    expect(answer.output?.message?.content).toEqual([{ text: "The sum is 5." }]);
    expect(answer.stopReason).toBe("end_turn");
    client.destroy();
  });
});
