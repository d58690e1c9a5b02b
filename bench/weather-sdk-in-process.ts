/**
 * The weather run through the AWS SDK's whole per-call path (serialising, signing, middleware,
 * parsing) with no sockets: the client's request handler answers in-process with the two
 * answers of the emulator's weather script. `alloc` counts the memory a run allocates (V8's
 * sampling heap profiler, collected objects included), which comes out the same in every process
 * to within about 0.3 KB: the steady way to see a change in what Sluice does per run. `cpu`
 * times the contenders side by side in one process; it is steadier than scenario (a) but still
 * differs by tens of microseconds from one process to the next (how V8 compiled the code).
 * Converse only, not streamed.
 *
 * Run alone: npx tsx bench/weather-sdk-in-process.ts [cpu|alloc] [batches|runs]
 */
import { Session } from "node:inspector/promises";
import { Readable } from "node:stream";
import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { checkBuiltPackages } from "./built-packages.js";
import type { Contender } from "./contenders/contender.js";
import { rawContender } from "./contenders/raw-aws-sdk.js";
import { createSluiceContender } from "./contenders/sluice.js";
import { dummyCredentials, region, weatherAnswer, weatherAnswerResponse, weatherQuestion, weatherToolCallResponse } from "./contenders/weather-tool.js";
import { median } from "./stats.js";

// The bytes a Converse response body carries for each of the two answers.
const toolCall = Buffer.from(JSON.stringify(weatherToolCallResponse));
const answer = Buffer.from(JSON.stringify(weatherAnswerResponse));

/** A request handler that answers Converse at once: the tool call first, the answer once a tool result came back. */
const inProcessHandler = {
  metadata: { handlerProtocol: "http/1.1" },
  async handle(request: { body?: unknown }) {
    const body = request.body;
    const text = typeof body === "string" ? body : Buffer.from((body as Uint8Array).buffer, (body as Uint8Array).byteOffset, (body as Uint8Array).byteLength);
    const payload = text.includes("toolResult") ? answer : toolCall;
    const headers = { "content-type": "application/json", "content-length": String(payload.length), "x-amzn-requestid": "in-process" };
    // A fresh stream per response, as a socket would give: the SDK reads it to its end.
    return { response: { statusCode: 200, headers, body: Readable.from([payload]) } };
  },
  updateHttpClientConfig() {},
  httpHandlerConfigs: () => ({}),
  destroy() {},
};

const endpoint = "http://127.0.0.1:9"; // never dialled: the handler above answers
const contenders: Record<string, Contender> = {
  "raw AWS SDK loop": rawContender(new BedrockRuntimeClient({ endpoint, region, credentials: dummyCredentials, maxAttempts: 1, requestHandler: inProcessHandler as never })),
  "Sluice, new agent": createSluiceContender(endpoint, "converse", false, inProcessHandler as never),
  "Sluice, agent reused": createSluiceContender(endpoint, "converse", true, inProcessHandler as never),
};

async function runs(contender: Contender, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) await contender.weatherRun(weatherQuestion, false);
}

/** Median CPU microseconds per run of each contender, in interleaved batches of 200 runs. */
async function cpuPerRun(batches: number): Promise<Map<string, number>> {
  const samples = new Map<string, number[]>();
  for (const contender of Object.values(contenders)) await runs(contender, 1_000);
  const names = Object.keys(contenders);
  for (let batch = 0; batch < batches; batch += 1) {
    for (let turn = 0; turn < names.length; turn += 1) {
      const name = names[(batch + turn) % names.length] as string;
      const before = process.cpuUsage();
      await runs(contenders[name] as Contender, 200);
      const used = process.cpuUsage(before);
      samples.set(name, [...(samples.get(name) ?? []), (used.user + used.system) / 200]);
    }
  }
  return new Map([...samples].map(([name, values]) => [name, median(values)]));
}

interface SamplingNode {
  selfSize: number;
  children: SamplingNode[];
}

/** Bytes allocated per run by each contender, collected objects included (the inspector's sampling heap profiler). */
async function bytesPerRun(count: number): Promise<Map<string, number>> {
  const session = new Session();
  session.connect();
  await session.post("HeapProfiler.enable");
  const result = new Map<string, number>();
  for (const [name, contender] of Object.entries(contenders)) {
    await runs(contender, 1_000);
    // Every 256 bytes on average; objects freed by minor or major collections are counted too.
    await session.post("HeapProfiler.startSampling", { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
    await runs(contender, count);
    const { profile } = (await session.post("HeapProfiler.stopSampling")) as unknown as { profile: { head: SamplingNode } };
    const total = (node: SamplingNode): number => node.children.reduce((sum, child) => sum + total(child), node.selfSize);
    result.set(name, total(profile.head) / count);
  }
  session.disconnect();
  return result;
}

if (process.argv[1]?.endsWith("weather-sdk-in-process.ts")) {
  await checkBuiltPackages();
  for (const [name, contender] of Object.entries(contenders)) {
    const text = await contender.weatherRun(weatherQuestion, false);
    if (text !== weatherAnswer) throw new Error(`${name} answered ${JSON.stringify(text)}`);
  }
  const mode = process.argv[2] === "alloc" ? "alloc" : "cpu";
  const figures = mode === "alloc" ? await bytesPerRun(Number(process.argv[3] ?? 5_000)) : await cpuPerRun(Number(process.argv[3] ?? 30));
  const floor = figures.get("raw AWS SDK loop") ?? Number.NaN;
  for (const [name, value] of figures) {
    const shown = mode === "alloc" ? `${(value / 1024).toFixed(1)} KB` : `${value.toFixed(1)} µs`;
    const added = mode === "alloc" ? `${((value - floor) / 1024).toFixed(1)} KB` : `${(value - floor).toFixed(1)} µs`;
    console.log(`${name.padEnd(22)} ${shown.padStart(9)} per run  ${(value / floor).toFixed(3)}×  ${value === floor ? "" : `(+${added})`}`);
  }
}
