/**
 * The floor: a minimal hand-written agent loop on @aws-sdk/client-bedrock-runtime, with no
 * framework. Two variants differ only in transport: the SDK's default Node handler (HTTP/2, a
 * new connection per call) and a keep-alive HTTP/1.1 handler that reuses connections.
 */
import { Agent as HttpAgent } from "node:http";
import {
  BedrockRuntimeClient,
  type ContentBlock,
  ConverseCommand,
  ConverseStreamCommand,
  type Message,
  type ToolConfiguration,
} from "@aws-sdk/client-bedrock-runtime";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { Contender } from "./contender.js";
import { dummyCredentials, lookUpWeather, modelId, region, weatherInputJsonSchema, weatherToolDescription, weatherToolName } from "./weather-tool.js";

const toolConfig: ToolConfiguration = {
  tools: [
    {
      toolSpec: {
        name: weatherToolName,
        description: weatherToolDescription,
        inputSchema: { json: weatherInputJsonSchema },
      },
    },
  ],
};

function textOf(message: Message): string {
  return (message.content ?? []).flatMap((block) => (block.text === undefined ? [] : [block.text])).join("");
}

/** One ConverseStream call, assembled into the assistant message. */
async function streamOnce(client: BedrockRuntimeClient, messages: Message[], tools: ToolConfiguration | undefined): Promise<Message> {
  const response = await client.send(new ConverseStreamCommand({ modelId, messages, ...(tools && { toolConfig: tools }) }));
  const blocks = new Map<number, { text?: string; toolUseId?: string; name?: string; input?: string }>();
  for await (const event of response.stream ?? []) {
    if (event.contentBlockStart?.start?.toolUse) {
      const { toolUseId, name } = event.contentBlockStart.start.toolUse;
      blocks.set(event.contentBlockStart.contentBlockIndex ?? 0, { ...(toolUseId && { toolUseId }), ...(name && { name }), input: "" });
    } else if (event.contentBlockDelta?.delta) {
      const index = event.contentBlockDelta.contentBlockIndex ?? 0;
      const block = blocks.get(index) ?? {};
      const { delta } = event.contentBlockDelta;
      if (delta.text !== undefined) block.text = (block.text ?? "") + delta.text;
      if (delta.toolUse?.input !== undefined) block.input = (block.input ?? "") + delta.toolUse.input;
      blocks.set(index, block);
    }
  }
  const content: ContentBlock[] = [...blocks.entries()]
    .sort(([left], [right]) => left - right)
    .map(([, block]) =>
      block.toolUseId === undefined
        ? { text: block.text ?? "" }
        : { toolUse: { toolUseId: block.toolUseId, name: block.name ?? "", input: JSON.parse(block.input || "{}") } },
    );
  return { role: "assistant", content };
}

async function callModel(client: BedrockRuntimeClient, messages: Message[], streaming: boolean, tools?: ToolConfiguration): Promise<Message> {
  if (streaming) return streamOnce(client, messages, tools);
  const response = await client.send(new ConverseCommand({ modelId, messages, ...(tools && { toolConfig: tools }) }));
  const message = response.output?.message;
  if (message === undefined) throw new Error("Converse returned no message");
  return message;
}

/** The floor's loop over a client built elsewhere (`bench/weather-sdk-in-process.ts` gives it an in-process handler). */
export function rawContender(client: BedrockRuntimeClient): Contender {
  return {
    async weatherRun(question, streaming) {
      const messages: Message[] = [{ role: "user", content: [{ text: question }] }];
      for (let step = 0; step < 5; step += 1) {
        const message = await callModel(client, messages, streaming, toolConfig);
        messages.push(message);
        const toolUses = (message.content ?? []).flatMap((block) => (block.toolUse === undefined ? [] : [block.toolUse]));
        if (toolUses.length === 0) return textOf(message);
        messages.push({
          role: "user",
          content: toolUses.map((toolUse) => {
            const { city } = toolUse.input as { city: string };
            return { toolResult: { toolUseId: toolUse.toolUseId, content: [{ json: { ...lookUpWeather(city) } }] } };
          }),
        });
      }
      throw new Error("no answer after 5 model calls");
    },
    startConversation() {
      const messages: Message[] = [];
      return async (text) => {
        messages.push({ role: "user", content: [{ text }] });
        const message = await callModel(client, messages, false);
        messages.push(message);
        return textOf(message);
      };
    },
    holdConversation(texts) {
      return texts.map((text, index): Message => ({ role: index % 2 === 0 ? "user" : "assistant", content: [{ text }] }));
    },
  };
}

/** The floor over the SDK's default transport (`http2`) or a keep-alive HTTP/1.1 handler (`http1`). */
export function createRawContender(endpoint: string, transport: "http2" | "http1"): Contender {
  if (transport === "http1") return rawContender(keepAliveClient(endpoint));
  return rawContender(new BedrockRuntimeClient({ endpoint, region, credentials: dummyCredentials, maxAttempts: 1 }));
}

/** The floor's keep-alive HTTP/1.1 handler, also given to the framework contenders that take a handler. */
export function keepAliveHandler(): NodeHttpHandler {
  return new NodeHttpHandler({ httpAgent: new HttpAgent({ keepAlive: true, maxSockets: 50 }) });
}

/** The keep-alive client the framework contenders that accept an AWS SDK client are given. */
export function keepAliveClient(endpoint: string): BedrockRuntimeClient {
  return new BedrockRuntimeClient({ endpoint, region, credentials: dummyCredentials, maxAttempts: 1, requestHandler: keepAliveHandler() });
}
