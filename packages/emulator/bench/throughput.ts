/**
 * Throughput benchmark (not a test): starts the emulator CLI in a child process and drives it
 * from this process over keep-alive HTTP/1.1 with ~32 concurrent requests.
 *
 *   npx tsx --conditions=development packages/emulator/bench/throughput.ts [--seconds 10] [--long 200000]
 *
 * Reports Converse and ConverseStream requests per second, then a long Converse run with the
 * server's resident memory (RSS) every 20,000 requests.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    long: { type: "string", default: "200000" },
    concurrency: { type: "string", default: "32" },
  },
});
const seconds = Number(values.seconds);
const longRun = Number(values.long);
const concurrency = Number(values.concurrency);
const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const converseBody = Buffer.from(
  JSON.stringify({
    messages: [{ role: "user", content: [{ text: "What is the capital of France? Answer in one sentence." }] }],
    inferenceConfig: { maxTokens: 256, temperature: 0.2 },
  }),
);

async function startServer(): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=development", "src/cli.ts", "--port", "0"], {
    cwd: packageRoot,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`emulator exited early (${String(code)})`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { url, pid: child.pid ?? 0, stop };
}

function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kilobytes / 1024);
}

const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

function post(url: URL, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { agent, host: url.hostname, port: url.port, method: "POST", path, headers: { "content-type": "application/json", "content-length": converseBody.length, authorization: "Bearer bench" } },
      (response) => {
        if (response.statusCode !== 200) reject(new Error(`status ${String(response.statusCode)}`));
        response.on("data", () => undefined);
        response.on("end", resolve);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(converseBody);
  });
}

/** Runs `concurrency` request loops until `stop()` says so; returns the completed count. */
async function drive(url: URL, path: string, stop: (completed: number) => boolean, onProgress?: (completed: number) => void): Promise<number> {
  let completed = 0;
  const loop = async () => {
    while (!stop(completed)) {
      await post(url, path);
      completed += 1;
      onProgress?.(completed);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return completed;
}

async function timed(url: URL, label: string, path: string): Promise<void> {
  await drive(url, path, (completed) => completed >= 2_000); // warm-up
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const completed = await drive(url, path, () => performance.now() >= deadline);
  const elapsed = (performance.now() - started) / 1000;
  console.log(`${label.padEnd(16)} ${(completed / elapsed).toFixed(0).padStart(7)} req/s  (${completed} requests in ${elapsed.toFixed(1)} s, concurrency ${concurrency})`);
}

const server = await startServer();
const url = new URL(server.url);
const modelPath = "/model/anthropic.claude-3-5-haiku-20241022-v1%3A0";
console.log(`emulator ${server.url} (pid ${server.pid}), RSS at start ${residentMegabytes(server.pid)} MB`);
await timed(url, "Converse", `${modelPath}/converse`);
await timed(url, "ConverseStream", `${modelPath}/converse-stream`);

console.log(`long run: ${longRun} Converse requests`);
const longStarted = performance.now();
let nextMark = 20_000;
await drive(
  url,
  `${modelPath}/converse`,
  (completed) => completed >= longRun,
  (completed) => {
    if (completed >= nextMark) {
      const elapsed = (performance.now() - longStarted) / 1000;
      console.log(`  ${String(completed).padStart(7)} requests  RSS ${String(residentMegabytes(server.pid)).padStart(4)} MB  ${(completed / elapsed).toFixed(0)} req/s`);
      nextMark += 20_000;
    }
  },
);
agent.destroy();
await server.stop();
