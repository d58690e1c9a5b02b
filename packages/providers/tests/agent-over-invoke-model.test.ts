import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Agent, createBedrockClient, parseModelId } from "@sluice/core";
import { type Emulator, startEmulator } from "@sluice/emulator";
import { defineTool } from "@sluice/tools";
import { z } from "zod";
import { MODEL_FAMILY_ADAPTERS, type ModelFamilyAdapter, invokeModel, supportsFeature } from "../src/index.js";

let emulator: Emulator;
let client: ReturnType<typeof createBedrockClient>;

beforeAll(async () => {
  emulator = await startEmulator({ streaming: { chunkSize: 5 } });
  client = createBedrockClient({ endpoint: emulator.url, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" }, maxAttempts: 1 });
});
afterAll(async () => {
  client.destroy();
  await emulator.close();
});
beforeEach(() => emulator.reset());

function exampleModel(adapter: ModelFamilyAdapter): string {
  const modelId = adapter.exampleModelIds[0];
  if (!modelId) throw new Error(`${adapter.family} declares no example model`);
  return modelId;
}

function supports(adapter: ModelFamilyAdapter, feature: Parameters<typeof supportsFeature>[1]): boolean {
  return supportsFeature(adapter.features, feature, parseModelId(exampleModel(adapter)).baseModelId);
}

function weatherTool(seen: string[]) {
  return defineTool({
    name: "get_weather",
    description: "Current weather for a city",
    input: z.object({ city: z.string() }),
    handler: async ({ city }) => {
      seen.push(city);
      return { city, celsius: 21 };
    },
  });
}

// The native body the emulator received for the n-th model call.
function sentBody(index: number): string {
  const request = emulator.requests.filter((entry) => entry.operation?.startsWith("Invoke"))[index];
  if (!request) throw new Error(`no InvokeModel request ${index}`);
  return typeof request.body === "string" ? request.body : JSON.stringify(request.body);
}

const toolFamilies = MODEL_FAMILY_ADAPTERS.filter((adapter) => supports(adapter, "tools"));
const textFamilies = MODEL_FAMILY_ADAPTERS.filter((adapter) => !supports(adapter, "tools"));

describe("an Agent with a typed tool loop over InvokeModel", () => {
  it("covers every family that supports tools", () => {
    expect(toolFamilies.map((adapter) => adapter.family).sort()).toEqual(
      [
        "ai21-jamba",
        "amazon-nova",
        "anthropic-claude",
        "cohere-command-r",
        "meta-llama",
        "mistral-chat",
        "openai-gpt-oss",
        "qwen",
        "deepseek-v3",
        "minimax",
        "moonshot-kimi",
        "zai-glm",
        "google-gemma",
        "nvidia-nemotron",
      ].sort(),
    );
  });

  for (const adapter of toolFamilies) {
    const modelId = exampleModel(adapter);
    for (const streamed of supports(adapter, "streamedTools") ? [false, true] : [false]) {
      it(`${adapter.family} (${modelId}), ${streamed ? "streamed" : "not streamed"}`, async () => {
        emulator.enqueue([{ toolCalls: [{ name: "get_weather", input: { city: "Paris" } }] }, { text: "It is 21 degrees in Paris." }]);
        const seen: string[] = [];
        const agent = new Agent({ modelId, model: invokeModel({ client }), tools: [weatherTool(seen)], system: "Answer briefly." });
        let result;
        if (streamed) {
          const stream = agent.stream("What is the weather in Paris?");
          const kinds = new Set<string>();
          for await (const event of stream) kinds.add(event.type);
          result = await stream.result;
          expect(kinds.has("text-delta")).toBe(true);
        } else {
          result = await agent.send("What is the weather in Paris?");
        }
        expect(seen).toEqual(["Paris"]);
        expect(result.text).toBe("It is 21 degrees in Paris.");
        expect(result.stopReason).toBe("end_turn");
        expect(result.steps).toHaveLength(2);
        expect(result.usage.inputTokens).toBeGreaterThan(0);
        // The tool result went back to the model in the family's own format.
        expect(sentBody(1)).toContain("21");
        expect(emulator.requests.map((entry) => entry.response?.status)).toEqual([200, 200]);
        expect(emulator.requests.map((entry) => entry.operation)).toEqual(
          streamed ? ["InvokeModelWithResponseStream", "InvokeModelWithResponseStream"] : ["InvokeModel", "InvokeModel"],
        );
      });
    }
  }
});

describe("a text-only multi-turn conversation over InvokeModel", () => {
  for (const adapter of textFamilies) {
    const modelId = exampleModel(adapter);
    for (const streamed of supports(adapter, "streaming") ? [false, true] : [false]) {
      it(`${adapter.family} (${modelId}), ${streamed ? "streamed" : "not streamed"}`, async () => {
        emulator.enqueue([{ text: "Nice to meet you, Ada." }, { text: "Your name is Ada." }]);
        const agent = new Agent({ modelId, model: invokeModel({ client }) });
        const ask = async (text: string) => {
          if (!streamed) return agent.send(text);
          const stream = agent.stream(text);
          for await (const _event of stream) {
            // Drain the events; the result carries the text.
          }
          return stream.result;
        };
        const first = await ask("My name is Ada.");
        const second = await ask("What is my name?");
        expect(first.text).toBe("Nice to meet you, Ada.");
        expect(second.text).toBe("Your name is Ada.");
        // The second call carried the whole conversation.
        const body = sentBody(1);
        expect(body).toContain("My name is Ada.");
        expect(body).toContain("Nice to meet you, Ada.");
        expect(body).toContain("What is my name?");
        expect(agent.conversation.messages).toHaveLength(4);
        expect(emulator.requests.map((entry) => entry.operation)).toEqual(
          streamed ? ["InvokeModelWithResponseStream", "InvokeModelWithResponseStream"] : ["InvokeModel", "InvokeModel"],
        );
      });
    }
  }
});
