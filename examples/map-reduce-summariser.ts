/**
 * A parallel map-reduce summariser: each document is summarised by an agent step (fan-out, at
 * most `concurrency` at once), then an editor agent combines the summaries (fan-in). A small
 * step middleware counts the summaries in flight, showing the cap is respected.
 *
 * Runs against the embedded Bedrock emulator (each answer delayed a little, so the summaries overlap):
 *   npx tsx --conditions=development examples/map-reduce-summariser.ts
 */
import { fileURLToPath } from "node:url";
import { Agent, type BedrockClientOptions, type MiddlewareObject } from "@sluice/core";
import { startEmulator, type ScriptDefinition } from "@sluice/emulator";
import { agentStep, map, sequence, workflow } from "@sluice/workflows";
import { z } from "zod";

const summariserModel = "us.amazon.nova-micro-v1:0";
const editorModel = "us.amazon.nova-lite-v1:0";

/** The documents to summarise. */
export const documents = [
  { title: "Tides", text: "The Moon's gravity raises two bulges of water that the Earth turns through each day." },
  { title: "Currents", text: "Wind and differences in salt and heat drive water around the ocean basins." },
  { title: "Waves", text: "Wind passes energy to the surface; the water itself mostly moves in circles." },
  { title: "Salinity", text: "Seawater holds about 35 grams of salt per litre, more where evaporation is strong." },
  { title: "Depth", text: "The average ocean is about 3.7 km deep; the Mariana Trench reaches almost 11 km." },
  { title: "Ice", text: "Sea ice forms when the surface freezes; it is mostly fresh water once the brine drains out." },
  { title: "Reefs", text: "Corals build reefs from calcium carbonate in warm, clear, shallow water." },
];

/** Counts the agent steps running at once (a step middleware: it wraps every step of the workflow). */
export function inFlightCounter(): MiddlewareObject & { readonly most: number } {
  let running = 0;
  let most = 0;
  return {
    name: "in-flight",
    get most() {
      return most;
    },
    step: async (call, next) => {
      if (call.kind !== "agent") return next();
      running += 1;
      most = Math.max(most, running);
      try {
        return await next();
      } finally {
        running -= 1;
      }
    },
  };
}

/** The summariser: map over the documents (fan-out), then combine (fan-in). */
export function summariser(clientOptions: BedrockClientOptions, concurrency: number, counter: MiddlewareObject) {
  const summarise = agentStep({
    name: "summarise",
    agent: () => new Agent({ modelId: summariserModel, clientOptions, system: "Summarise the document in one sentence." }),
    input: z.object({ title: z.string(), text: z.string() }),
    prompt: ({ title, text }) => `Title: ${title}\n${text}`,
  });
  const combine = agentStep({
    name: "combine",
    agent: () => new Agent({ modelId: editorModel, clientOptions, system: "Combine the summaries into a short digest." }),
    prompt: (summaries: string[]) => `Combine these summaries:\n${summaries.map((summary) => `- ${summary}`).join("\n")}`,
  });
  return workflow({ name: "digest", steps: sequence(map("summaries", { step: summarise, concurrency }), combine), middleware: [counter] });
}

/** One rule per document, and one for the editor. */
export const summariserScript: ScriptDefinition = {
  models: {
    [summariserModel]: { rules: documents.map(({ title }) => ({ match: { text: `Title: ${title}\n` }, reply: { text: `${title}: summarised.` } })) },
    [editorModel]: { rules: [{ match: { text: "Combine these summaries" }, reply: { text: "The ocean, in seven short notes." } }] },
  },
};

/** Runs the summariser against the emulator with a concurrency cap; returns the result and the most summaries seen in flight. */
export async function runSummariser(concurrency = 3) {
  const emulator = await startEmulator({ script: summariserScript });
  // Each summary takes a little while, so several are in flight at once.
  emulator.injectFault({ modelId: summariserModel, effect: { type: "latency", delayMs: 25 } });
  try {
    const counter = inFlightCounter();
    const result = await summariser(emulator.clientOptions, concurrency, counter).run(documents);
    const editorRequest = emulator.requests.find((request) => request.modelId === editorModel);
    return { result, mostInFlight: counter.most, editorRequest, modelCalls: emulator.requests.length };
  } finally {
    await emulator.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  runSummariser()
    .then(({ result, mostInFlight }) => console.log(result.status === "complete" ? `${result.output}\n(at most ${mostInFlight} summaries in flight)` : result))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
