/**
 * LangChain (`langchain` 1.5 `createAgent` over `@langchain/aws` 1.4 `ChatBedrockConverse`): one
 * agent graph reused by every run, a zod `tool()`, `maxRetries: 0`, LangSmith tracing off.
 * `ChatBedrockConverse` only takes an endpoint host (always https), so it is given a client: the
 * same keep-alive HTTP/1.1 one as the floor. Streamed runs use `streamMode: "messages"`.
 */
import { AIMessage, type BaseMessage, HumanMessage } from "@langchain/core/messages";
import { ChatBedrockConverse } from "@langchain/aws";
import { createAgent, tool } from "langchain";
import type { Contender } from "./contender.js";
import { keepAliveClient } from "./raw-aws-sdk.js";
import { lookUpWeather, modelId, region, weatherInput, weatherToolDescription, weatherToolName } from "./weather-tool.js";

process.env["LANGSMITH_TRACING"] = "false";
process.env["LANGCHAIN_TRACING_V2"] = "false";

const getWeather = tool(async ({ city }) => JSON.stringify(lookUpWeather(city)), {
  name: weatherToolName,
  description: weatherToolDescription,
  schema: weatherInput,
});

function messageText(message: BaseMessage | undefined): string {
  if (message === undefined) return "";
  return message.text;
}

/** LangChain against `endpoint`. */
export function createLangChainContender(endpoint: string): Contender {
  const model = new ChatBedrockConverse({ model: modelId, region, maxRetries: 0, client: keepAliveClient(endpoint) });
  const weatherAgent = createAgent({ model, tools: [getWeather] });
  const chatAgent = createAgent({ model, tools: [] });
  const contender: Contender = {
    async weatherRun(question, streaming) {
      const input = { messages: [new HumanMessage(question)] };
      if (!streaming) return messageText((await weatherAgent.invoke(input)).messages.at(-1));
      let text = "";
      let lastRun: string | undefined;
      for await (const [chunk] of await weatherAgent.stream(input, { streamMode: "messages" })) {
        if (!AIMessage.isInstance(chunk) && chunk.type !== "ai") continue;
        // Each model call streams its own message; keep only the last one's text.
        if (chunk.id !== lastRun) {
          lastRun = chunk.id;
          text = "";
        }
        text += chunk.text;
      }
      return text;
    },
    startConversation() {
      let history: BaseMessage[] = [];
      return async (text) => {
        const result = await chatAgent.invoke({ messages: [...history, new HumanMessage(text)] });
        history = result.messages;
        return messageText(history.at(-1));
      };
    },
    holdConversation(texts) {
      return texts.map((text, index) => (index % 2 === 0 ? new HumanMessage(text) : new AIMessage(text)));
    },
  };
  return contender;
}
