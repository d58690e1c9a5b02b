/**
 * The Vercel AI SDK (`ai` 6 with `@ai-sdk/amazon-bedrock` 4): `generateText` / `streamText` with a
 * zod `tool()` and `stopWhen: stepCountIs(5)`, `maxRetries: 0`, telemetry off (its default). It
 * talks to Bedrock with `fetch` (keep-alive HTTP/1.1), not through the AWS SDK.
 */
import { createAmazonBedrock } from "@ai-sdk/amazon-bedrock";
import { generateText, type ModelMessage, stepCountIs, streamText, tool } from "ai";
import type { Contender } from "./contender.js";
import { dummyCredentials, lookUpWeather, modelId, region, weatherInput, weatherToolDescription } from "./weather-tool.js";

// The AI SDK prints warnings (for example about unsupported settings) to the console unless told not to.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

const tools = {
  get_weather: tool({
    description: weatherToolDescription,
    inputSchema: weatherInput,
    execute: async ({ city }) => lookUpWeather(city),
  }),
};

/** The AI SDK against `endpoint`. */
export function createAiSdkContender(endpoint: string): Contender {
  const bedrock = createAmazonBedrock({ baseURL: endpoint, region, ...dummyCredentials });
  const model = bedrock(modelId);
  const contender: Contender = {
    async weatherRun(question, streaming) {
      const settings = { model, tools, prompt: question, stopWhen: stepCountIs(5), maxRetries: 0 };
      if (!streaming) return (await generateText(settings)).text;
      const result = streamText(settings);
      let text = "";
      for await (const part of result.textStream) text += part;
      return text;
    },
    startConversation() {
      const messages: ModelMessage[] = [];
      return async (text) => {
        messages.push({ role: "user", content: text });
        const result = await generateText({ model, messages, maxRetries: 0 });
        messages.push(...result.response.messages);
        return result.text;
      };
    },
    holdConversation(texts) {
      return texts.map((text, index): ModelMessage => (index % 2 === 0 ? { role: "user", content: text } : { role: "assistant", content: text }));
    },
  };
  return contender;
}
