/**
 * A typed tool loop: a weather agent with zod-typed tools, two tool calls in one message run in
 * parallel, a cached forecast, an invalid call the model corrects from the readable error it
 * gets back, and a packing list returned as a typed object through structured output.
 *
 * Runs against the embedded Bedrock emulator, whose scripted model plays the assistant:
 *   npx tsx --conditions=development examples/weather-agent.ts
 * Against Amazon Bedrock instead (AWS credentials and AWS_REGION set; the model then decides):
 *   SLUICE_EXAMPLE_BEDROCK=1 npx tsx --conditions=development examples/weather-agent.ts
 */
import { fileURLToPath } from "node:url";
import { Agent, type BedrockClientOptions } from "@sluice/core";
import { startEmulator, type ScriptDefinition } from "@sluice/emulator";
import { defineTool, structuredOutput, toolResult, toolResultCacheMiddleware } from "@sluice/tools";
import { z } from "zod";

/** Forecasts the tool knows (a real agent would call a weather service). */
const forecasts: Record<string, Array<{ high: number; low: number; sky: string }>> = {
  lisbon: [
    { high: 21, low: 14, sky: "sunny" },
    { high: 19, low: 13, sky: "light rain" },
  ],
  oslo: [
    { high: 4, low: -1, sky: "overcast" },
    { high: 2, low: -3, sky: "snow showers" },
  ],
};

/** Tool 1: the handler's input type `{ city: string; days: number }` comes from the schema. */
export const getForecast = defineTool({
  name: "get_forecast",
  description: "Daily forecast (°C) for a city, starting today.",
  input: z.object({
    city: z.string().describe("City name, e.g. Lisbon"),
    days: z.number().int().min(1).max(7).default(1).describe("How many days, 1 to 7"),
  }),
  handler: async ({ city, days }) => {
    const known = forecasts[city.toLowerCase()];
    // An expected "not found" goes back as an error result the model can explain to the user.
    if (!known) return toolResult(`No forecast for ${city}. Known cities: Lisbon, Oslo.`, { status: "error" });
    return { city, days: known.slice(0, days) };
  },
});

/** Tool 2: a typed output schema, checked before the result reaches the model. */
export const convertTemperature = defineTool({
  name: "convert_temperature",
  description: "Converts a temperature from Celsius to Fahrenheit.",
  input: z.object({ celsius: z.number() }),
  output: z.object({ celsius: z.number(), fahrenheit: z.number() }),
  handler: ({ celsius }) => ({ celsius, fahrenheit: Math.round((celsius * 9) / 5 + 32) }),
});

/** The typed answer of the last question. */
export const packingList = structuredOutput({
  schema: z.object({
    city: z.string(),
    items: z.array(z.string()).min(1),
    umbrella: z.boolean(),
  }),
});

/** How the emulator's scripted model plays the assistant. */
export const weatherScript: ScriptDefinition = {
  rules: [
    // Two tools in one message: both run in parallel and answer in one user message.
    {
      match: { text: "Lisbon" },
      reply: {
        text: "Checking Lisbon and converting its high.",
        toolCalls: [
          { name: "get_forecast", input: { city: "Lisbon" } },
          { name: "convert_temperature", input: { celsius: 21 } },
        ],
      },
    },
    { match: { toolResult: { name: "convert_temperature" } }, reply: { text: "Lisbon: 21°C (70°F) and sunny today." } },
    // An invalid first try (days: 10); the model reads the error and asks again.
    { match: { text: "week in Oslo" }, reply: { toolCalls: [{ name: "get_forecast", input: { city: "Oslo", days: 10 } }] } },
    { match: { toolResult: { name: "get_forecast", status: "error" } }, reply: { toolCalls: [{ name: "get_forecast", input: { city: "Oslo", days: 2 } }] } },
    { match: { toolResult: { name: "get_forecast", contains: "Oslo" } }, reply: { text: "Oslo: 4°C and overcast, then 2°C with snow showers." } },
    // Structured output: the answer comes as the answer tool's input.
    {
      match: { text: "packing list" },
      reply: { toolCalls: [{ name: "final_answer", input: { city: "Oslo", items: ["warm coat", "gloves", "boots"], umbrella: false } }] },
    },
  ],
};

export interface WeatherAgentOptions {
  /** Where lines are printed. */
  write?: (line: string) => void;
  /** Run against Bedrock instead of the emulator. */
  bedrock?: { modelId: string; clientOptions?: BedrockClientOptions };
}

/** Runs the weather conversation; returns the answers and the typed packing list. */
export async function runWeatherAgent(options: WeatherAgentOptions = {}) {
  const write = options.write ?? ((line: string) => console.log(line));
  const emulator = options.bedrock ? undefined : await startEmulator({ script: weatherScript });
  try {
    const connection = {
      modelId: options.bedrock?.modelId ?? "us.anthropic.claude-3-5-haiku-20241022-v1:0",
      clientOptions: options.bedrock?.clientOptions ?? {
        endpoint: emulator?.url,
        region: "us-east-1",
        credentials: { accessKeyId: "example", secretAccessKey: "example" },
      },
    };
    const cache = toolResultCacheMiddleware({ tools: ["get_forecast"], ttlMs: 10 * 60_000 });
    const agent = new Agent({
      ...connection,
      system: "You are a concise travel assistant. Use the tools for weather questions.",
      tools: [getForecast, convertTemperature],
      middleware: [cache],
    });
    agent.on("tool-use-complete", (event) => write(`  [calls ${event.name} ${JSON.stringify(event.input)}]`));
    agent.on("tool-error", (event) => write(`  [${event.name} failed (${event.reason}): ${event.message}]`));

    const answers: string[] = [];
    for (const question of ["What's the weather in Lisbon?", "And for the week in Oslo?", "What's the weather in Lisbon?"]) {
      write(`you   > ${question}`);
      const result = await agent.send(question);
      answers.push(result.text);
      write(`agent > ${result.text}`);
    }
    write(`  (forecast cache: ${cache.stats.hits} hit, ${cache.stats.misses} misses)`);

    // A second agent answers with a typed object instead of prose.
    const planner = new Agent({ ...connection, tools: [getForecast, packingList.tool], middleware: [packingList.middleware] });
    write("you   > Make a packing list for Oslo.");
    const { value: plan } = await packingList.send(planner, "Make a packing list for Oslo.");
    write(`agent > ${plan.items.length} items for ${plan.city}: ${plan.items.join(", ")}${plan.umbrella ? " and an umbrella" : ""}`);
    return { answers, plan, cache: { ...cache.stats }, conversationLength: agent.conversation.length };
  } finally {
    await emulator?.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // The pinned AWS SDK warns that releases after January 2027 need Node 22; it does not affect this example.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const bedrock =
    process.env.SLUICE_EXAMPLE_BEDROCK === "1"
      ? { modelId: process.env.SLUICE_EXAMPLE_MODEL_ID ?? "us.anthropic.claude-3-5-haiku-20241022-v1:0", clientOptions: { region: process.env.AWS_REGION ?? "us-east-1" } }
      : undefined;
  runWeatherAgent(bedrock ? { bedrock } : {}).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
