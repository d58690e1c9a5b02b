/**
 * `pnpm bench`: Sluice against a hand-written AWS SDK loop and its peers, on the same work in the
 * same run, against the emulator in its own process. Writes bench/results/latest.json, the
 * charts beside it, and the figures section of docs/benchmarks.md.
 *
 * Options (after `pnpm bench --`): --quick (a short smoke run), --only=a,b,c,d,e,f,g,h,i,j (some scenarios),
 * --contenders=key,key (some contenders), --rounds=N, --runs=N (per round and table), --processes=N
 * (client processes per contender in (a)), --warmup=N (per process and table in (a)), --turns=N,
 * --agents=N. A quick or partial run writes bench/results/partial.json only, leaving the
 * committed figures alone. --render redraws the charts and docs figures from latest.json.
 */
import { readFile } from "node:fs/promises";
import os from "node:os";
import { parseArgs } from "node:util";
import { checkBuiltPackages, runsOnSources } from "./built-packages.js";
import { contenders as allContenders, type ContenderDefinition, findContender } from "./contenders/index.js";
import { formatCorePipeline, runCorePipelineBenchmark } from "./core-pipeline.js";
import { formatMiddlewareOverhead, runMiddlewareOverheadBenchmark } from "./middleware-overhead.js";
import { formatDurableSteps, runDurableStepsBenchmark } from "./durable-steps.js";
import { formatSharedStores, runSharedStoresBenchmark } from "./shared-stores.js";
import { formatWorkflowSteps, runWorkflowStepsBenchmark } from "./workflow-steps.js";
import { formatImportTimes, runImportTimesBenchmark } from "./import-times.js";
import { formatMcpToolCalls, runMcpToolCallsBenchmark } from "./mcp-tool-calls.js";
import { EmulatorProcess } from "./emulator/emulator-process.js";
import type { BenchmarkResults } from "./report/results.js";
import { checkTargets } from "./report/targets.js";
import { rerenderLatest, writeOutputs } from "./report/write-outputs.js";
import { runAgentRuns } from "./suites/agent-runs.js";
import { runEmulatorThroughput } from "./suites/emulator-throughput.js";
import { idleHoldings, runIdleMemory } from "./suites/idle-memory.js";
import { runLongConversation } from "./suites/long-conversation.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean" },
    only: { type: "string" },
    rounds: { type: "string" },
    runs: { type: "string" },
    processes: { type: "string" },
    warmup: { type: "string" },
    turns: { type: "string" },
    agents: { type: "string" },
    contenders: { type: "string" },
    render: { type: "boolean" },
  },
  strict: true,
});

function count(name: string, fallback: number): number {
  const raw = values[name as keyof typeof values];
  if (raw === undefined || typeof raw !== "string") return fallback;
  const parsed = Number(raw);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a whole number ≥ 1, got "${raw}"`);
  return parsed;
}

if (values.render === true) {
  await rerenderLatest();
  console.log("Re-rendered bench/results/*.svg and the figures in docs/benchmarks.md from bench/results/latest.json.");
  process.exit(0);
}

const quick = values.quick === true;
const known = "abcdefghij";
const scenarios = new Set((values.only ?? [...known].join(",")).split(",").map((name) => name.trim()));
for (const scenario of scenarios) if (!known.includes(scenario) || scenario.length !== 1) throw new Error(`--only takes the letters ${[...known].join(", ")}; got "${scenario}"`);
const chosen: readonly ContenderDefinition[] =
  values.contenders === undefined
    ? allContenders
    : values.contenders.split(",").map((key) => findContender(key.trim()));
const complete = !quick && values.only === undefined && values.contenders === undefined;

const settings = {
  rounds: count("rounds", quick ? 1 : 3),
  runsPerRound: count("runs", quick ? 30 : 300),
  processes: count("processes", 1),
  warmupRuns: count("warmup", quick ? 10 : 400),
  turns: count("turns", quick ? 200 : 1_000),
  agents: count("agents", quick ? 1_000 : 10_000),
};

/** How this run was started, as a person would type it. */
function invokingCommand(): string {
  const args = process.argv.slice(2).join(" ");
  if (process.env["npm_lifecycle_event"] !== "bench") return `tsx${runsOnSources() ? " --conditions=development" : ""} bench/run.ts${args ? ` ${args}` : ""}`;
  const viaPnpm = (process.env["npm_config_user_agent"] ?? "").startsWith("pnpm");
  return `${viaPnpm ? "pnpm bench" : "npm run bench"}${args ? ` -- ${args}` : ""}`;
}

async function packageVersion(name: string): Promise<string> {
  const text = await readFile(new URL(`./node_modules/${name}/package.json`, import.meta.url), "utf8").catch(() => undefined);
  return text === undefined ? "?" : (JSON.parse(text) as { version: string }).version;
}

await checkBuiltPackages();
const started = Date.now();
const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
const results: BenchmarkResults = {
  date: new Date().toISOString(),
  command: invokingCommand(),
  machine: {
    cpu,
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg()[0] ?? Number.NaN,
  },
  durationSeconds: 0,
  contenders: chosen.map(({ create: _create, ...info }) => info),
  versions: Object.fromEntries(
    await Promise.all(
      ["@aws-sdk/client-bedrock-runtime", "@strands-agents/sdk", "ai", "@ai-sdk/amazon-bedrock", "langchain", "@langchain/aws", "@langchain/core"].map(
        async (name) => [name, await packageVersion(name)] as const,
      ),
    ),
  ),
};

const log = (line: string) => console.log(line);
const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;
console.log(`Sluice benchmarks on ${cpu} × ${results.machine.cores}, Node ${process.version}${quick ? " (quick run)" : ""}\n`);

const emulator = await EmulatorProcess.start();
console.log(`Emulator in process ${emulator.pid} at ${emulator.url}\n`);
try {
  if (scenarios.has("a")) {
    const { rounds, runsPerRound, processes, warmupRuns } = settings;
    console.log(`(a) Weather agent: ${rounds} rounds × ${runsPerRound} runs per table, ${chosen.length} contenders in ${processes} processes each`);
    results.agentRuns = await runAgentRuns(emulator, chosen, { runsPerRound, rounds, concurrency: 20, processes, warmupRuns }, log);
    console.log(`    done at ${seconds()}\n`);
  }
  if (scenarios.has("b")) {
    // The HTTP/2 floor adds nothing here: every turn is one call on the same transport question as (a).
    const conversationContenders = chosen.filter((contender) => contender.key !== "raw-http2" && contender.isControl !== true);
    console.log(`(b) One conversation of ${settings.turns} turns, ${conversationContenders.length} contenders`);
    const window = Math.min(100, Math.floor(settings.turns / 4));
    results.longConversation = await runLongConversation(emulator, conversationContenders, { turns: settings.turns, chunk: 50, window }, log);
    console.log(`    done at ${seconds()}\n`);
  }
  if (scenarios.has("c")) {
    const memoryContenders = chosen.filter((contender) => contender.key in idleHoldings && contender.isControl !== true);
    console.log(`(c) ${settings.agents} idle conversations of 20 messages, ${memoryContenders.length} contenders`);
    results.idleMemory = await runIdleMemory(emulator, memoryContenders, { agents: settings.agents, messagesPerAgent: 20 }, log);
    console.log(`    done at ${seconds()}\n`);
  }
  if (scenarios.has("d")) {
    console.log("(d) Core pipeline (in-process, scripted model)");
    results.corePipeline = await runCorePipelineBenchmark(quick ? 1 : 5);
    console.log(`${formatCorePipeline(results.corePipeline)}\n`);
    console.log("(d) Built-in middleware (in-process, scripted model)");
    results.middlewareOverhead = await runMiddlewareOverheadBenchmark(quick ? 1 : 3);
    console.log(`${formatMiddlewareOverhead(results.middlewareOverhead)}\n    done at ${seconds()}\n`);
  }
  if (scenarios.has("e")) {
    console.log("(e) Emulator throughput");
    results.emulatorThroughput = await runEmulatorThroughput(emulator, { concurrency: 32, warmupSeconds: 1, seconds: quick ? 2 : 5 });
    console.log(`    done at ${seconds()}\n`);
  }
  if (scenarios.has("g")) {
    console.log("(g) Shared state on Redis (in-process, scripted model, the local Redis)");
    results.sharedStores = await runSharedStoresBenchmark(quick ? 1 : 3);
    console.log(`${formatSharedStores(results.sharedStores)}\n    done at ${seconds()}\n`);
  }
  if (scenarios.has("f")) {
    console.log("(f) Workflow steps (in-process, scripted model)");
    results.workflowSteps = await runWorkflowStepsBenchmark(quick ? 1 : 5);
    console.log(`${formatWorkflowSteps(results.workflowSteps)}\n    done at ${seconds()}\n`);
  }
  if (scenarios.has("h")) {
    console.log("(h) Durable steps on DBOS (in-process, scripted model, the local PostgreSQL)");
    results.durableSteps = await runDurableStepsBenchmark(quick ? 1 : 3);
    console.log(`${formatDurableSteps(results.durableSteps)}\n    done at ${seconds()}\n`);
  }
  if (scenarios.has("i")) {
    console.log("(i) Import time of each entry (fresh processes)");
    results.importTimes = await runImportTimesBenchmark(quick ? 3 : 15);
    console.log(`${formatImportTimes(results.importTimes)}\n    done at ${seconds()}\n`);
  }
  if (scenarios.has("j")) {
    console.log("(j) MCP tool calls (in-process agent, MCP over HTTP and stdio)");
    results.mcpToolCalls = await runMcpToolCallsBenchmark(quick ? 1 : 3, quick ? 100 : 500);
    console.log(`${formatMcpToolCalls(results.mcpToolCalls)}\n    done at ${seconds()}\n`);
  }
} finally {
  await emulator.close();
}

results.machine.loadAverageAtEnd = os.loadavg()[0] ?? Number.NaN;
results.durationSeconds = (Date.now() - started) / 1000;

const section = await writeOutputs(results, complete);
console.log(section.split("\n").slice(1, -1).join("\n"));
const missed = checkTargets(results).filter((check) => check.met === false);
console.log(`\n${missed.length === 0 ? "Every measured target met." : `Targets missed: ${missed.map((check) => `${check.scenario}: ${check.target} (${check.measured})`).join("; ")}`}`);
console.log(
  complete
    ? `\nWrote bench/results/latest.json, bench/results/agent-runs.svg, bench/results/long-conversation.svg and the figures in docs/benchmarks.md (${seconds()}).`
    : `\nPartial run: wrote bench/results/partial.json only; docs/benchmarks.md is left as it was (${seconds()}).`,
);
