/**
 * The work every contender does: the same question, the same tool, the same expected answer
 * (scripted in emulator/weather-script.json), so runs can be checked and compared.
 */
import { z } from "zod";

export const modelId = "us.anthropic.claude-3-5-haiku-20241022-v1:0";
export const region = "us-east-1";
export const dummyCredentials = { accessKeyId: "bench", secretAccessKey: "bench" };

export const weatherQuestion = "What is the weather in Lisbon right now?";
export const weatherAnswer = "It is 21 °C and sunny in Lisbon right now, with a light breeze from the Atlantic.";

export const weatherToolName = "get_weather";
export const weatherToolDescription = "Current weather for a city";
export const weatherInput = z.object({ city: z.string().describe("City name") });
export const weatherInputJsonSchema = {
  type: "object",
  properties: { city: { type: "string", description: "City name" } },
  required: ["city"],
};

/**
 * The model's two Converse answers in a weather run, as plain JSON: the bench's in-process models
 * (`weather-in-process.ts`, `weather-sdk-in-process.ts`) replay them instead of the emulator.
 */
export const weatherToolCallResponse = {
  output: { message: { role: "assistant", content: [{ toolUse: { toolUseId: "tooluse_weather_1", name: weatherToolName, input: { city: "Lisbon" } } }] } },
  stopReason: "tool_use",
  usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 },
  metrics: { latencyMs: 1 },
};
export const weatherAnswerResponse = {
  output: { message: { role: "assistant", content: [{ text: weatherAnswer }] } },
  stopReason: "end_turn",
  usage: { inputTokens: 20, outputTokens: 5, totalTokens: 25 },
  metrics: { latencyMs: 1 },
};

export interface WeatherReport {
  city: string;
  temperatureCelsius: number;
  sky: string;
}

let invocations = 0;

/** The tool's work. Counts its calls, so a batch can prove the tool ran exactly once per run. */
export function lookUpWeather(city: string): WeatherReport {
  invocations += 1;
  return { city, temperatureCelsius: 21, sky: "sunny" };
}

export function weatherToolInvocations(): number {
  return invocations;
}

/** The user text of turn `turn` of the long conversation; the emulator's echo model answers it. */
export function conversationQuestion(turn: number): string {
  return `Question number ${turn}: how are things going today?`;
}

export function conversationAnswer(turn: number): string {
  return `You said: ${conversationQuestion(turn)}`;
}

/** One message of an idle conversation: distinct text, so no two agents share strings. */
export function idleMessageText(agent: number, message: number): string {
  const role = message % 2 === 0 ? "Question" : "Answer";
  return `${role} ${message} of conversation ${agent}: a sentence of ordinary length to stand in for real chat text.`;
}
