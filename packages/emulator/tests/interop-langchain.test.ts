import { ModelStreamErrorException, ThrottlingException } from "@aws-sdk/client-bedrock-runtime";
import { ChatBedrockConverse } from "@langchain/aws";
import { AIMessage, HumanMessage, ToolMessage } from "@langchain/core/messages";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import type { Emulator } from "../src/index.js";
import { bedrockClient, transports } from "./helpers/clients.js";
import type { Transport } from "./helpers/clients.js";

const modelId = "anthropic.claude-3-5-sonnet-20241022-v2:0";
const weatherTool = {
  name: "get_weather",
  description: "Current weather for a city",
  schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
};

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ streaming: { chunkSize: 6 } });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => emulator.reset());

// ChatBedrockConverse overwrites `clientOptions.endpoint` (it only knows `endpointHost`, always
// https), so the emulator is reached through a client built here.
function chatModel(transport: Transport): ChatBedrockConverse {
  return new ChatBedrockConverse({ model: modelId, region: "us-east-1", maxRetries: 0, client: bedrockClient(emulator, transport) });
}

describe.each(transports)("LangChain ChatBedrockConverse against the emulator over %s", (transport) => {
  it("completes a text turn", async () => {
    const response = await chatModel(transport).invoke([new HumanMessage("hello from LangChain")]);
    expect(response.content).toBe("You said: hello from LangChain");
    expect(response.usage_metadata?.input_tokens).toBeGreaterThan(0);
    expect(emulator.requests.at(-1)?.httpVersion).toBe(transport === "http2" ? "2.0" : "1.1");
  });

  it("streams a turn", async () => {
    emulator.enqueue({ text: "a streamed LangChain answer" });
    const pieces: string[] = [];
    for await (const chunk of await chatModel(transport).stream([new HumanMessage("stream")])) {
      if (typeof chunk.content === "string") pieces.push(chunk.content);
    }
    expect(pieces.join("")).toBe("a streamed LangChain answer");
    expect(pieces.filter((piece) => piece.length > 0).length).toBeGreaterThan(1);
  });

  it("runs a tool-use round trip", async () => {
    emulator.enqueue({ text: "Let me check.", toolCalls: [{ name: "get_weather", input: { city: "Bern" }, toolUseId: "tooluse_bern" }] });
    emulator.addRule({ match: { toolResult: { toolUseId: "tooluse_bern" } }, reply: { text: "Bern is cloudy." } });
    const model = chatModel(transport).bindTools([weatherTool]);
    const question = new HumanMessage("Weather in Bern?");
    const first = await model.invoke([question]);
    expect(first.tool_calls).toEqual([{ id: "tooluse_bern", name: "get_weather", args: { city: "Bern" }, type: "tool_call" }]);
    const answer = await model.invoke([
      question,
      new AIMessage({ content: first.content, tool_calls: first.tool_calls ?? [] }),
      new ToolMessage({ tool_call_id: "tooluse_bern", content: "cloudy, 12 °C" }),
    ]);
    expect(answer.content).toBe("Bern is cloudy.");
  });

  it("receives an injected throttle as the AWS SDK's ThrottlingException", async () => {
    emulator.injectFault({ effect: { type: "error", exception: "ThrottlingException" } });
    const error = await chatModel(transport).invoke([new HumanMessage("hi")]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ThrottlingException);
    expect((error as ThrottlingException).$metadata.httpStatusCode).toBe(429);
    expect(emulator.requests).toHaveLength(1);
  });

  it("receives an in-stream ModelStreamErrorException after the first chunks", async () => {
    emulator.injectFault({ effect: { type: "stream-error", exception: "ModelStreamErrorException", afterEvents: 3 } });
    const pieces: string[] = [];
    const error = await (async () => {
      for await (const chunk of await chatModel(transport).stream([new HumanMessage("a long question")])) {
        if (typeof chunk.content === "string") pieces.push(chunk.content);
      }
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelStreamErrorException);
    expect(pieces.join("")).toBe("You said: a ");
  });
});
