/**
 * `pnpm bench`: runs the benchmark suites and writes their results to bench/results/.
 * Figures are for reading side by side within one run; see docs/benchmarks.md.
 */
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { formatCorePipeline, runCorePipelineBenchmark } from "./core-pipeline.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const machine = `${os.cpus()[0]?.model ?? "unknown CPU"} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`Sluice benchmarks on ${machine}\n`);

console.log("Core pipeline (in-process, scripted model)");
const corePipeline = await runCorePipelineBenchmark();
console.log(formatCorePipeline(corePipeline));

const resultsDirectory = new URL("./results/", import.meta.url);
await mkdir(resultsDirectory, { recursive: true });
await writeFile(
  new URL("latest.json", resultsDirectory),
  `${JSON.stringify({ date: new Date().toISOString(), machine, corePipeline }, null, 2)}\n`,
);
console.log("\nResults written to bench/results/latest.json");
