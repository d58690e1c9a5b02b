/**
 * Sluice: an `Agent` per run (its conversation is the agent's state), sharing one client built by
 * `createBedrockClient` (keep-alive HTTP/1.1, Sluice's default), with a `defineTool` zod tool.
 * Over Converse, and over InvokeModel through `@sluice/providers`' `InvokeModelModel`. The
 * "reused" variant keeps its agents across runs, as a server would: one agent per run in flight,
 * each run starting it over with `reset()`.
 */
import { Agent, type BedrockClientOptions, Conversation, createBedrockClient, type Message, type Model } from "@sluice/core";
import { InvokeModelModel } from "@sluice/providers";
import { defineTool } from "@sluice/tools";
import type { Contender } from "./contender.js";
import { dummyCredentials, lookUpWeather, modelId, region, weatherInput, weatherToolDescription, weatherToolName } from "./weather-tool.js";

const getWeather = defineTool({
  name: weatherToolName,
  description: weatherToolDescription,
  input: weatherInput,
  handler: ({ city }) => lookUpWeather(city),
});

/**
 * Sluice over Converse (`ConverseModel`, the default) or over InvokeModel (`InvokeModelModel`).
 * `requestHandler` replaces the keep-alive transport (`bench/weather-sdk-in-process.ts` answers in-process).
 */
export function createSluiceContender(
  endpoint: string,
  api: "converse" | "invoke-model",
  reuseAgents = false,
  requestHandler?: BedrockClientOptions["requestHandler"],
): Contender {
  const useInvokeModel = api === "invoke-model";
  const client = createBedrockClient({ endpoint, region, credentials: dummyCredentials, maxAttempts: 1, ...(requestHandler && { requestHandler }) });
  const model: Model | undefined = useInvokeModel ? new InvokeModelModel(client) : undefined;
  const options = { modelId, client, ...(model && { model }) };
  // Written as an application would: an object literal per agent, not a spread of shared options.
  const weatherAgent = model ? () => new Agent({ modelId, client, model, tools: [getWeather] }) : () => new Agent({ modelId, client, tools: [getWeather] });
  const idle: Agent[] = [];
  const run = async (agent: Agent, question: string, streaming: boolean): Promise<string> => {
    if (!streaming) return (await agent.send(question)).text;
    const stream = agent.stream(question);
    let text = "";
    for await (const event of stream) if (event.type === "text-delta") text += event.text;
    await stream.result;
    return text;
  };
  return {
    async weatherRun(question, streaming) {
      if (!reuseAgents) return run(weatherAgent(), question, streaming);
      const agent = idle.pop() ?? weatherAgent();
      try {
        agent.reset();
        return await run(agent, question, streaming);
      } finally {
        idle.push(agent);
      }
    },
    startConversation() {
      const agent = new Agent(options);
      return async (text) => (await agent.send(text)).text;
    },
    holdConversation(texts) {
      const messages = texts.map((text, index): Message => ({ role: index % 2 === 0 ? "user" : "assistant", content: [{ text }] }));
      return new Agent({ ...options, tools: [getWeather], conversation: new Conversation({ messages }) });
    },
  };
}

