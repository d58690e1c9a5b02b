/**
 * A tools module for `sluice chat --tools`: every exported tool becomes available in the chat.
 *
 *   npm run sluice -- chat --emulator --tools examples/chat-tools.ts
 *   you › what does get_weather say?
 *
 * (`--emulator` talks to the embedded Bedrock emulator, whose demo model calls a tool you name;
 * drop it, with AWS credentials set, to chat with a real model on Bedrock.)
 */
import { defineTool } from "@sluice/tools";
import { z } from "zod";

export const getWeather = defineTool({
  name: "get_weather",
  description: "Current weather for a city",
  input: z.object({ city: z.string().describe("City name, e.g. Lisbon").default("Lisbon") }),
  handler: ({ city }) => ({ city, forecast: "21°C and sunny" }),
});

export const currentTime = defineTool({
  name: "current_time",
  description: "The current date and time in UTC",
  handler: () => new Date().toISOString(),
});
