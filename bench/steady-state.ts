/**
 * One contender's CPU per weather run once its process has settled, against the emulator, with no
 * other client process beside it. After 3,000 warm-up runs (the cost per run falls for a couple
 * of thousand), either:
 * - `flushed` (default): 40 batches of 100 sequential runs, the CPU caches flushed before each
 *   batch by writing through a 64 MB buffer (as the other processes of `pnpm bench` would), each
 *   run timed with `process.cpuUsage()`; prints the median and mean of runs 11–100 of each batch;
 * - `block`: 5,000 runs timed as one block; prints CPU per run.
 * Compare contenders by running this several times each: one process's figure can be 20 % off.
 *
 * Usage: npx tsx bench/steady-state.ts <contender key> [flushed|block]
 */
import { checkBuiltPackages } from "./built-packages.js";
import { findContender } from "./contenders/index.js";
import { weatherQuestion } from "./contenders/weather-tool.js";
import { EmulatorProcess } from "./emulator/emulator-process.js";
import { median } from "./stats.js";

const [key = "raw-http1", mode = "flushed"] = process.argv.slice(2);
if (mode !== "flushed" && mode !== "block") throw new Error(`mode must be "flushed" or "block", got "${mode}"`);
await checkBuiltPackages();
const emulator = await EmulatorProcess.start();
try {
  const contender = await findContender(key).create(emulator.url);
  const run = () => contender.weatherRun(weatherQuestion, false);
  for (let index = 0; index < 3_000; index += 1) await run();
  if (mode === "block") {
    const runs = 5_000;
    const before = process.cpuUsage();
    for (let index = 0; index < runs; index += 1) await run();
    const used = process.cpuUsage(before);
    console.log(`${key}: ${((used.user + used.system) / runs).toFixed(0)} µs of CPU per run over ${runs} runs`);
  } else {
    const cache = new Uint8Array(64 << 20);
    const samples: number[] = [];
    for (let batch = 0; batch < 40; batch += 1) {
      for (let offset = 0; offset < cache.length; offset += 64) cache[offset] = (cache[offset] ?? 0) + 1;
      for (let index = 0; index < 100; index += 1) {
        const before = process.cpuUsage();
        await run();
        const used = process.cpuUsage(before);
        // The first runs of a batch pay for the flushed caches: they are the batch's warm-up.
        if (index >= 10) samples.push(used.user + used.system);
      }
    }
    const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
    console.log(`${key}: median ${median(samples).toFixed(0)} µs, mean ${mean.toFixed(0)} µs of CPU per run (runs 11–100 of 40 batches, caches flushed before each)`);
  }
} finally {
  await emulator.close();
}
