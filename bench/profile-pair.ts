/**
 * Side-by-side CPU per run of two contenders in ONE process, interleaved in batches, so machine
 * noise falls on both alike. Usage: tsx bench/profile-pair.ts raw-http1 sluice 40 [stream]
 */
import { PerformanceObserver } from "node:perf_hooks";
import { contenders } from "./contenders/index.js";
import { EmulatorProcess } from "./emulator/emulator-process.js";
import { median } from "./stats.js";

const [keyA = "raw-http1", keyB = "sluice", batchesText = "40", mode = ""] = process.argv.slice(2);
const streaming = mode === "stream";
const emulator = await EmulatorProcess.start();
try {
  const make = async (key: string) => {
    const definition = contenders.find((candidate) => candidate.key === key);
    if (!definition) throw new Error(`unknown contender ${key}`);
    return definition.create(emulator.url);
  };
  const pair = [await make(keyA), await make(keyB)] as const;
  const cpu = [[], []] as number[][];
  const wall = [[], []] as number[][];
  // Garbage collection time per side: V8 reports each pause, and batches never overlap.
  const gc = [0, 0];
  let current = -1;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (current >= 0) gc[current]! += entry.duration;
  });
  observer.observe({ entryTypes: ["gc"] });
  const question = "What is the weather in Lisbon right now?";
  for (const contender of pair) for (let index = 0; index < 300; index++) await contender.weatherRun(question, streaming);
  for (let batch = 0; batch < Number(batchesText); batch++) {
    for (const side of batch % 2 === 0 ? [0, 1] : [1, 0]) {
      const contender = pair[side]!;
      current = side;
      const before = process.cpuUsage();
      const started = process.hrtime.bigint();
      for (let index = 0; index < 100; index++) await contender.weatherRun(question, streaming);
      const used = process.cpuUsage(before);
      await new Promise((resolve) => setImmediate(resolve)); // let the observer report this batch's pauses
      current = -1;
      wall[side]!.push(Number(process.hrtime.bigint() - started) / 1e5 / 1000);
      cpu[side]!.push((used.user + used.system) / 100 / 1000);
    }
  }
  observer.disconnect();
  const runs = Number(batchesText) * 100; // every batch runs 100 of each side
  const line = (side: 0 | 1, key: string) =>
    `${key.padEnd(14)} CPU ${median(cpu[side]!).toFixed(3)} ms/run, wall ${median(wall[side]!).toFixed(3)} ms/run, GC ${((gc[side]! / runs) * 1000).toFixed(0)} µs/run`;
  console.log(line(0, keyA));
  console.log(line(1, keyB));
  console.log(`ratio CPU ${(median(cpu[1]!) / median(cpu[0]!)).toFixed(3)}, wall ${(median(wall[1]!) / median(wall[0]!)).toFixed(3)}${streaming ? " (streamed)" : ""}`);
} finally {
  await emulator.close();
}
