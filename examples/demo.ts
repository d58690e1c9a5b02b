/**
 * The Sluice demo: a weather agent holding a multi-turn conversation with tool calls, its answer
 * streamed to the terminal as it arrives.
 *
 * By default it runs against the embedded Bedrock emulator (no AWS account needed). To run the
 * same demo against Amazon Bedrock, set SLUICE_DEMO_BEDROCK=1 with AWS credentials and AWS_REGION
 * (and optionally SLUICE_DEMO_MODEL_ID).
 */
import { fileURLToPath } from "node:url";
import { Agent, type BedrockClientOptions } from "@sluice/core";
import { startEmulator, type ScriptDefinition } from "@sluice/emulator";
import { defineTool, toolResult } from "@sluice/tools";
import { z } from "zod";

/** Weather the demo's tool knows about (a real agent would call a weather service here). */
const forecasts: Record<string, { today: string; tomorrow: string }> = {
  lisbon: { today: "21°C and sunny", tomorrow: "19°C with light rain in the afternoon" },
  oslo: { today: "4°C and overcast", tomorrow: "2°C with snow showers" },
};

export const getWeather = defineTool({
  name: "get_weather",
  description: "Current weather and tomorrow's forecast for a city.",
  input: z.object({ city: z.string().describe("City name, e.g. Lisbon") }),
  handler: ({ city }) => {
    const forecast = forecasts[city.toLowerCase()];
    if (!forecast) return toolResult(`No weather data for ${city}.`, { status: "error" });
    return { city, ...forecast };
  },
});

/** How the emulator's scripted model plays the assistant in the demo. */
export const demoScript: ScriptDefinition = {
  rules: [
    { match: { text: "Lisbon" }, reply: { text: "Let me check the weather in Lisbon.", toolCalls: [{ name: "get_weather", input: { city: "Lisbon" } }] } },
    {
      match: { toolResult: { name: "get_weather", contains: "Lisbon" } },
      reply: { text: "In Lisbon it is 21°C and sunny right now. Tomorrow brings 19°C with light rain in the afternoon, so pack an umbrella." },
    },
    { match: { text: "Oslo" }, reply: { toolCalls: [{ name: "get_weather", input: { city: "Oslo" } }] } },
    {
      match: { toolResult: { name: "get_weather", contains: "Oslo" } },
      reply: { text: "Oslo is much colder: 4°C and overcast today, and tomorrow 2°C with snow showers. Lisbon is the warmer choice." },
    },
  ],
  streaming: { chunkSize: 6, chunkDelayMs: 15 },
};

export const demoQuestions = ["What's the weather like in Lisbon?", "How does Oslo compare?"];

export interface DemoOptions {
  /** Where the conversation is printed. */
  write?: (text: string) => void;
  /** Run against Bedrock instead of the emulator. */
  bedrock?: { modelId: string; clientOptions?: BedrockClientOptions };
}

/** Runs the demo conversation; returns the final answers. */
export async function runDemo(options: DemoOptions = {}): Promise<string[]> {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  const emulator = options.bedrock ? undefined : await startEmulator({ script: demoScript });
  try {
    const agent = new Agent({
      modelId: options.bedrock?.modelId ?? "us.anthropic.claude-3-5-haiku-20241022-v1:0",
      clientOptions: options.bedrock?.clientOptions ?? {
        endpoint: emulator?.url,
        region: "us-east-1",
        credentials: { accessKeyId: "demo", secretAccessKey: "demo" },
      },
      system: "You are a concise travel assistant. Use get_weather for any weather question.",
      tools: [getWeather],
    });
    write(emulator ? `Sluice demo — Bedrock emulator at ${emulator.url}\n\n` : "Sluice demo — Amazon Bedrock\n\n");
    const answers: string[] = [];
    for (const question of demoQuestions) {
      write(`you   > ${question}\nagent > `);
      const stream = agent.stream(question);
      // A tool call goes on a line of its own, unless the agent has said nothing yet this line.
      let lineHasText = false;
      for await (const event of stream) {
        if (event.type === "text-delta") {
          write(event.text);
          lineHasText = true;
        }
        if (event.type === "tool-use-complete") {
          write(`${lineHasText ? "\n        " : ""}[calling ${event.name} ${JSON.stringify(event.input)}]\n        `);
          lineHasText = false;
        }
      }
      const result = await stream.result;
      answers.push(result.text);
      write(`\n        (${result.steps.length} model calls, ${result.usage.totalTokens} tokens)\n\n`);
    }
    write(`Conversation: ${agent.conversation.length} messages, ${agent.conversation.usage.totalTokens} tokens in total.\n`);
    return answers;
  } finally {
    await emulator?.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // The pinned AWS SDK warns that releases after January 2027 need Node 22; it does not affect this demo.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const useBedrock = process.env.SLUICE_DEMO_BEDROCK === "1";
  runDemo(
    useBedrock
      ? {
          bedrock: {
            modelId: process.env.SLUICE_DEMO_MODEL_ID ?? "us.anthropic.claude-3-5-haiku-20241022-v1:0",
            clientOptions: { region: process.env.AWS_REGION ?? "us-east-1" },
          },
        }
      : {},
  ).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
