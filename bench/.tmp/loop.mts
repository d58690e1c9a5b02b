import { Agent, type Model, type ModelRequest, type ModelResponse } from "@sluice/core";
import { defineTool } from "@sluice/tools";
import { z } from "zod";
const toolUse: ModelResponse = { output: { message: { role: "assistant", content: [{ text: "Let me check." }, { toolUse: { toolUseId: "tooluse_1", name: "get_weather", input: { city: "Lisbon" } } }] } }, stopReason: "tool_use", usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 }, metrics: { latencyMs: 1 } };
const answer: ModelResponse = { output: { message: { role: "assistant", content: [{ text: "It is 21 °C and sunny in Lisbon right now." }] } }, stopReason: "end_turn", usage: { inputTokens: 20, outputTokens: 5, totalTokens: 25 }, metrics: { latencyMs: 1 } };
import { createHash } from "node:crypto";
const big = Array.from({ length: 300 }, (_, i) => ({ ["k" + (i % 37)]: i, name: "x".repeat(i % 50), nested: { a: [i, i + 1], ["b" + (i % 11)]: { c: "d" } } }));
const pollute = process.env.POLLUTE === "1";
const clone = async (r: ModelResponse) => { if (pollute) { await new Promise((res) => setImmediate(res)); for (let i = 0; i < 3; i++) createHash("sha256").update(JSON.stringify(JSON.parse(JSON.stringify(big)))).digest("hex"); } return JSON.parse(JSON.stringify(r)) as ModelResponse; };
const model: Model = {
  async converse(request: ModelRequest) { return await clone(request.messages!.length === 1 ? toolUse : answer); },
  async converseStream() { throw new Error("no"); },
};
const getWeather = defineTool({ name: "get_weather", description: "Current weather for a city", input: z.object({ city: z.string().describe("City name") }), handler: ({ city }) => ({ city, temperatureCelsius: 21, sky: "sunny" }) });
const [mode = "fresh", runsText = "20000", prof = ""] = process.argv.slice(2);
const runs = Number(runsText);
const make = () => new Agent({ modelId: "us.anthropic.claude-3-5-haiku-20241022-v1:0", model, tools: [getWeather] });
const reused = make(); const snap = reused.snapshot();
const one = async () => { if (mode === "fresh") return (await make().send("What is the weather in Lisbon right now?")).text; reused.restore(snap); return (await reused.send("What is the weather in Lisbon right now?")).text; };
const base = async () => { await clone(toolUse); await clone(answer); return getWeather; };
for (let i = 0; i < 3000; i++) { await one(); await base(); }
let session: any;
if (prof) { const { Session } = await import("node:inspector/promises"); session = new Session(); session.connect(); await session.post("Profiler.enable"); await session.post("Profiler.setSamplingInterval", { interval: 50 }); await session.post("Profiler.start"); }
const samples: number[] = []; const baseSamples: number[] = [];
for (let r = 0; r < 10; r++) {
  let t = process.cpuUsage(); for (let i = 0; i < runs / 10; i++) await base(); let u = process.cpuUsage(t); baseSamples.push((u.user + u.system) / (runs / 10));
  t = process.cpuUsage(); for (let i = 0; i < runs / 10; i++) await one(); u = process.cpuUsage(t); samples.push((u.user + u.system) / (runs / 10));
}
const med = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1]!;
console.log(`${mode}: ${(med(samples) - med(baseSamples)).toFixed(1)} µs/run of Sluice CPU (base ${med(baseSamples).toFixed(1)})`);
if (prof) { const { profile } = await session.post("Profiler.stop"); (await import("node:fs")).writeFileSync(`/tmp/prof/loop-${mode}.cpuprofile`, JSON.stringify(profile)); }
