import { Agent, createBedrockClient } from "@sluice/core";
import { defineTool } from "@sluice/tools";
import { EmulatorProcess } from "/work/main/bench/emulator/emulator-process.js";
import { weatherInput, lookUpWeather, modelId, dummyCredentials } from "/work/main/bench/contenders/weather-tool.js";
import { keepAliveClient, createRawContender } from "/work/main/bench/contenders/raw-aws-sdk.js";
const emulator = await EmulatorProcess.start();
const log = (label: string) => (next: any) => async (args: any) => { console.log(label, Buffer.from(args.request.body).toString()); const out = await next(args); return out; };
try {
  const client = createBedrockClient({ endpoint: emulator.url, region: "us-east-1", credentials: dummyCredentials, maxAttempts: 1 });
  client.middlewareStack.add(log("SLUICE"), { step: "finalizeRequest", priority: "low" });
  const getWeather = defineTool({ name: "get_weather", description: "Current weather for a city", input: weatherInput, handler: ({ city }) => lookUpWeather(city) });
  await new Agent({ modelId, client, tools: [getWeather] }).send("What is the weather in Lisbon right now?");
  const raw = keepAliveClient(emulator.url);
  raw.middlewareStack.add(log("RAW"), { step: "finalizeRequest", priority: "low" });
  const { ConverseCommand } = await import("@aws-sdk/client-bedrock-runtime");
} finally { await emulator.close(); }
