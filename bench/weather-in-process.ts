/**
 * Sluice's own CPU per weather run, apart from HTTP: a model that answers at once (a tool call,
 * then the answer) and the zod-checked weather tool, with a new agent per run or one agent reset
 * between runs. The same work without Sluice (copying the two answers) is measured alongside and
 * taken off. Use it to see a change in Sluice's own cost; the figures of (a) show it beside the
 * AWS SDK, where it costs more (see docs/benchmarks.md).
 *
 * Run alone: npx tsx bench/weather-in-process.ts [fresh|reused] [runs]
 */
import { Agent, type Model, type ModelResponse } from "@sluice/core";
import { defineTool } from "@sluice/tools";
import { checkBuiltPackages } from "./built-packages.js";
import { median } from "./stats.js";
import {
  lookUpWeather,
  modelId,
  weatherAnswerResponse,
  weatherInput,
  weatherQuestion,
  weatherToolCallResponse,
  weatherToolDescription,
  weatherToolName,
} from "./contenders/weather-tool.js";

// Fresh objects per call, as the AWS SDK's parser makes them.
const copy = (response: object): ModelResponse => JSON.parse(JSON.stringify(response)) as ModelResponse;
const model: Model = {
  async converse(request) {
    return copy(request.messages?.length === 1 ? weatherToolCallResponse : weatherAnswerResponse);
  },
  async converseStream() {
    throw new Error("this benchmark does not stream");
  },
};
const getWeather = defineTool({ name: weatherToolName, description: weatherToolDescription, input: weatherInput, handler: ({ city }) => lookUpWeather(city) });

/** Median microseconds of CPU per run that Sluice adds, over 10 batches. */
export async function sluiceCpuPerRun(mode: "fresh" | "reused", runs: number): Promise<number> {
  const build = () => new Agent({ modelId, model, tools: [getWeather] });
  const reused = build();
  const sluiceRun = async () => {
    const agent = mode === "fresh" ? build() : (reused.reset(), reused);
    return (await agent.send(weatherQuestion)).text;
  };
  const bareRun = async () => [copy(weatherToolCallResponse), copy(weatherAnswerResponse), lookUpWeather("Lisbon")];
  const perRun = async (run: () => Promise<unknown>, count: number) => {
    const before = process.cpuUsage();
    for (let index = 0; index < count; index += 1) await run();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / count;
  };
  await perRun(sluiceRun, 3_000); // warm up the JIT
  await perRun(bareRun, 3_000);
  const sluice: number[] = [];
  const bare: number[] = [];
  for (let batch = 0; batch < 10; batch += 1) {
    bare.push(await perRun(bareRun, runs / 10));
    sluice.push(await perRun(sluiceRun, runs / 10));
  }
  return median(sluice) - median(bare);
}

if (process.argv[1]?.endsWith("weather-in-process.ts")) {
  await checkBuiltPackages();
  const mode = process.argv[2] === "reused" ? "reused" : "fresh";
  const runs = Number(process.argv[3] ?? 20_000);
  console.log(`${mode === "fresh" ? "a new agent per run" : "one agent, reset between runs"}: ${(await sluiceCpuPerRun(mode, runs)).toFixed(1)} µs of Sluice's CPU per run`);
}
