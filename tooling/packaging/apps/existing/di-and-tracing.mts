// A user's program in an app that had tsyringe 4.8, reflect-metadata 0.1, @opentelemetry/api 1.4
// (with its own tracing SDK), the AWS SDK 3.1164 and zod 3 before installing Sluice. Sluice must
// use those copies: its agent resolves from the app's container, its spans reach the app's provider.
import "reflect-metadata";
import { trace } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { Agent, Tokens } from "@sluice/core";
import { registerSluice } from "@sluice/core/di";
import { startEmulator } from "@sluice/emulator";
import { tracingMiddleware } from "@sluice/middleware";
import { defineTool } from "@sluice/tools";
import { container, inject, injectable } from "tsyringe";
import { z } from "zod";

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider();
provider.addSpanProcessor(new SimpleSpanProcessor(exporter));
trace.setGlobalTracerProvider(provider);

const TemperatureUnit = Symbol("TemperatureUnit");

@injectable()
class Thermometer {
  constructor(@inject(TemperatureUnit) private readonly unit: string) {}
  read(city: string): string {
    return `${city.length + 13}°${this.unit}`;
  }
}

// Injected through the constructor's design-time type (emitDecoratorMetadata), no @inject.
@injectable()
class WeatherService {
  constructor(private readonly thermometer: Thermometer) {}
  forecast(city: string): { city: string; temperature: string } {
    return { city, temperature: this.thermometer.read(city) };
  }
}

const appContainer = container.createChildContainer();
appContainer.register(TemperatureUnit, { useValue: "C" });

const getWeather = defineTool({
  name: "get_weather",
  description: "Current weather for a city",
  input: z.object({ city: z.string() }),
  handler: async ({ city }) => appContainer.resolve(WeatherService).forecast(city),
});

const emulator = await startEmulator();
try {
  registerSluice(appContainer, {
    modelId: "us.anthropic.claude-3-5-haiku-20241022-v1:0",
    clientOptions: { ...emulator.clientOptions, maxAttempts: 1 },
    middleware: [tracingMiddleware()],
  });
  emulator.enqueue([{ toolCalls: [{ name: "get_weather", input: { city: "Lisbon" } }] }, { text: "19°C in Lisbon." }]);
  const agent = new Agent({ container: appContainer, tools: [getWeather], name: "weather-agent" });
  const result = await agent.send("How warm is it in Lisbon?");
  const toolResultSent = (emulator.requests[1]?.body as { messages?: Array<{ content?: Array<{ toolResult?: unknown }> }> } | undefined)
    ?.messages?.[2]?.content?.[0]?.toolResult;
  console.log(
    JSON.stringify({
      text: result.text,
      toolResultSent,
      model: appContainer.resolve<object>(Tokens.Model).constructor.name,
      spans: exporter.getFinishedSpans().map((span) => span.name),
    }),
  );
} finally {
  await emulator.close();
}
