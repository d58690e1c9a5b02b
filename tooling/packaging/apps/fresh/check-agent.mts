// A user's program in a fresh npm app that installed the packed tarballs. It is type-checked under
// NodeNext and bundler resolution with strict flags, compiled, and run; it prints a JSON summary
// that the pack-and-consume test checks.
import { Agent, createBedrockClient } from "@sluice/core";
import { ScriptedModel } from "@sluice/core/testing";
import { startEmulator } from "@sluice/emulator";
import { retryMiddleware, usageMiddleware } from "@sluice/middleware";
import { embed, invokeModel } from "@sluice/providers";
import { defineTool } from "@sluice/tools";
import { z } from "zod";

const calls: string[] = [];
const getWeather = defineTool({
  name: "get_weather",
  description: "Current weather for a city",
  input: z.object({ city: z.string(), unit: z.enum(["celsius", "fahrenheit"]).default("celsius") }),
  handler: async ({ city, unit }) => {
    const upper: string = city.toUpperCase(); // the input type is inferred from the schema
    calls.push(`${upper}/${unit}`);
    return { city, temperature: unit === "celsius" ? 21 : 70, sky: "sunny" };
  },
});

const emulator = await startEmulator();
try {
  emulator.enqueue([{ toolCalls: [{ name: "get_weather", input: { city: "Lisbon" } }] }, { text: "21 degrees and sunny in Lisbon." }]);
  const usage = usageMiddleware();
  const agent = new Agent({
    modelId: "us.anthropic.claude-3-5-haiku-20241022-v1:0",
    clientOptions: { ...emulator.clientOptions, maxAttempts: 1 },
    tools: [getWeather],
    middleware: [usage, retryMiddleware()],
  });
  const result = await agent.send("What's the weather in Lisbon?");
  const toolResultSent = (emulator.requests[1]?.body as { messages?: Array<{ content?: Array<{ toolResult?: unknown }> }> } | undefined)
    ?.messages?.[2]?.content?.[0]?.toolResult;

  const overInvokeModel = new Agent({
    modelId: "us.meta.llama3-3-70b-instruct-v1:0",
    model: invokeModel({ clientOptions: emulator.clientOptions }),
  });
  const invoked = await overInvokeModel.send("Hello over InvokeModel");

  const client = createBedrockClient(emulator.clientOptions);
  const { embeddings } = await embed(client, {
    modelId: "amazon.titan-embed-text-v2:0",
    input: ["first", "second"],
    dimensions: 256,
  });

  client.destroy();
  const scripted = await new Agent({ modelId: "test-model", model: new ScriptedModel(["Hi from the script."]) }).send("Hi");

  console.log(
    JSON.stringify({
      text: result.text,
      status: result.status,
      toolCalls: calls,
      toolResultSent,
      modelCalls: usage.modelCalls,
      operations: emulator.requests.map((request) => request.operation),
      invokedText: invoked.text,
      embeddingLengths: embeddings.map((vector) => vector.length),
      scriptedText: scripted.text,
    }),
  );
} finally {
  await emulator.close();
}
