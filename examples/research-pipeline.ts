/**
 * A research → write → review pipeline with three agents, each one step of a typed workflow: the
 * researcher lists facts, the writer turns them into a paragraph, the reviewer returns a verdict
 * as JSON checked by a zod schema. Progress is printed as each step finishes.
 *
 * Runs against the embedded Bedrock emulator, whose scripted model plays the three agents:
 *   npx tsx --conditions=development examples/research-pipeline.ts
 * or with the live progress view of the `sluice` command:
 *   npm run sluice -- run examples/research-pipeline.ts --emulator --input '{"topic":"tides"}'
 */
import { fileURLToPath } from "node:url";
import { Agent, type BedrockClientOptions } from "@sluice/core";
import { startEmulator, type ScriptDefinition } from "@sluice/emulator";
import { agentStep, sequence, workflow } from "@sluice/workflows";
import { z } from "zod";

const researcherModel = "us.amazon.nova-lite-v1:0";
const writerModel = "us.anthropic.claude-3-5-haiku-20241022-v1:0";
const reviewerModel = "us.amazon.nova-pro-v1:0";

/** The verdict the reviewer must give. */
export const Review = z.object({ approved: z.boolean(), comments: z.string() });

/** Builds the pipeline; `clientOptions` point the agents at Bedrock or the emulator (without them, the environment decides). */
export function researchPipeline(clientOptions?: BedrockClientOptions) {
  const research = agentStep({
    name: "research",
    agent: () => new Agent({ modelId: researcherModel, ...(clientOptions && { clientOptions }), system: "You research a topic and list facts, one per line." }),
    input: z.object({ topic: z.string().min(1) }),
    prompt: ({ topic }) => `Research: ${topic}`,
  });
  const write = agentStep({
    name: "write",
    agent: () => new Agent({ modelId: writerModel, ...(clientOptions && { clientOptions }), system: "You write one clear paragraph from research notes." }),
    prompt: (notes: string) => `Write a paragraph from these notes:\n${notes}`,
  });
  const review = agentStep({
    name: "review",
    agent: () => new Agent({ modelId: reviewerModel, ...(clientOptions && { clientOptions }), system: 'You review a paragraph. Answer with JSON only: {"approved": boolean, "comments": string}.' }),
    prompt: (paragraph: string) => `Review this paragraph:\n${paragraph}`,
    result: (result, paragraph) => ({ paragraph, ...(JSON.parse(result.text) as object) }),
    output: Review.extend({ paragraph: z.string() }),
  });
  return workflow({ name: "article", steps: sequence(research, write, review) });
}

/** The pipeline for `sluice run examples/research-pipeline.ts --input '{"topic":"tides"}'`. */
export const article = researchPipeline();

/** How the emulator's scripted model plays each agent (one model ID per agent); `sluice run --emulator` uses it. */
export const emulatorScript: ScriptDefinition = {
  models: {
    [researcherModel]: { rules: [{ match: { text: "Research:" }, reply: { text: "Tides are caused by the Moon's gravity.\nMost coasts see two high tides a day." } }] },
    [writerModel]: {
      rules: [{ match: { text: "Write a paragraph" }, reply: { text: "The Moon's gravity pulls on the oceans, so most coasts see the sea rise and fall twice a day." } }],
    },
    [reviewerModel]: { rules: [{ match: { text: "Review this paragraph" }, reply: { text: '{"approved": true, "comments": "Accurate and clear."}' } }] },
  },
};

/** Runs the pipeline on a topic against the emulator; returns the result and the progress lines. */
export async function runResearchPipeline(topic: string, write: (line: string) => void = console.log) {
  const emulator = await startEmulator({ script: emulatorScript });
  try {
    const pipeline = researchPipeline(emulator.clientOptions);
    const onFinish = (event: { path: string; durationMs: number; usage?: { totalTokens: number } }) =>
      write(`✓ ${event.path} (${Math.round(event.durationMs)} ms, ${event.usage?.totalTokens ?? 0} tokens)`);
    pipeline.on("step-finish", onFinish);
    const result = await pipeline.run({ topic });
    if (result.status === "complete") write(`review: ${result.output.approved ? "approved" : "rejected"} — ${result.output.comments}\n${result.output.paragraph}`);
    return { result, requests: emulator.requests.map((request) => request.modelId) };
  } finally {
    await emulator.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  runResearchPipeline("tides").catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
