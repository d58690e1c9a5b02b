/**
 * Strands Agents (@strands-agents/sdk 1.16.0, the newest release whose engines admit Node 20): an
 * `Agent` per run sharing one `BedrockModel`, a zod `tool()`, printing off, retries off (the SDK
 * client's too), no conversation windowing. `stream: true` makes the model use ConverseStream.
 * The model gets the same keep-alive HTTP/1.1 handler as the floor (its default is the SDK's
 * HTTP/2 handler with a connection per call).
 */
import { Agent, BedrockModel, Message, NullConversationManager, TextBlock, tool } from "@strands-agents/sdk";
import type { Contender } from "./contender.js";
import { keepAliveHandler } from "./raw-aws-sdk.js";
import { dummyCredentials, lookUpWeather, modelId, region, weatherInput, weatherToolDescription, weatherToolName } from "./weather-tool.js";

const getWeather = tool({
  name: weatherToolName,
  description: weatherToolDescription,
  inputSchema: weatherInput,
  callback: ({ city }) => ({ ...lookUpWeather(city) }),
});

function bedrockModel(endpoint: string, stream: boolean): BedrockModel {
  return new BedrockModel({
    modelId,
    region,
    stream,
    clientConfig: {
      endpoint,
      credentials: dummyCredentials,
      maxAttempts: 1,
      requestHandler: keepAliveHandler(),
    },
  });
}

function answerText(message: Message): string {
  return message.content.flatMap((block) => (block instanceof TextBlock ? [block.text] : [])).join("");
}

/** Strands Agents against `endpoint`. */
export function createStrandsContender(endpoint: string): Contender {
  const streamingModel = bedrockModel(endpoint, true);
  const plainModel = bedrockModel(endpoint, false);
  const settings = { printer: false, retryStrategy: null, conversationManager: new NullConversationManager() };
  const contender: Contender = {
    async weatherRun(question, streaming) {
      const agent = new Agent({ ...settings, model: streaming ? streamingModel : plainModel, tools: [getWeather] });
      if (!streaming) return answerText((await agent.invoke(question)).lastMessage);
      let text = "";
      for await (const event of agent.stream(question)) {
        if (event.type === "modelStreamUpdateEvent" && event.event.type === "modelContentBlockDeltaEvent" && event.event.delta.type === "textDelta") {
          text += event.event.delta.text;
        }
      }
      return text;
    },
    startConversation() {
      const agent = new Agent({ ...settings, model: plainModel });
      return async (text) => answerText((await agent.invoke(text)).lastMessage);
    },
    holdConversation(texts) {
      const messages = texts.map((text, index) => new Message({ role: index % 2 === 0 ? "user" : "assistant", content: [new TextBlock(text)] }));
      return new Agent({ ...settings, model: plainModel, tools: [getWeather], messages });
    },
  };
  return contender;
}
