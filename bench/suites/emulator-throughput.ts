/**
 * Scenario (e): how many requests a second the emulator answers. A load generator in this
 * process (not the emulator's) keeps `concurrency` Converse (or ConverseStream) requests in flight
 * over keep-alive HTTP/1.1 for a fixed time, and reads every response to the end.
 */
import { Agent as HttpAgent, request } from "node:http";
import type { EmulatorProcess } from "../emulator/emulator-process.js";
import { modelId } from "../contenders/weather-tool.js";
import { millisecondsSince, percentile } from "../stats.js";

export interface ThroughputOptions {
  concurrency: number;
  warmupSeconds: number;
  seconds: number;
}

export interface ThroughputRow {
  operation: "Converse" | "ConverseStream";
  requests: number;
  errors: number;
  requestsPerSecond: number;
  medianMs: number;
  p95Ms: number;
  /** Emulator CPU per request, microseconds. */
  serverCpuMicroseconds: number;
}

export interface ThroughputResult {
  options: ThroughputOptions;
  rows: ThroughputRow[];
}

const body = JSON.stringify({ messages: [{ role: "user", content: [{ text: "Hello, emulator: how fast can you answer?" }] }] });

function post(agent: HttpAgent, url: URL, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: "POST",
        path,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), authorization: "Bearer bench" },
      },
      (response) => {
        response.on("data", () => {});
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

async function load(emulator: EmulatorProcess, operation: ThroughputRow["operation"], options: ThroughputOptions): Promise<ThroughputRow> {
  const url = new URL(emulator.url);
  const path = `/model/${encodeURIComponent(modelId)}/${operation === "Converse" ? "converse" : "converse-stream"}`;
  const agent = new HttpAgent({ keepAlive: true, maxSockets: options.concurrency });
  const drive = async (seconds: number, latencies: number[]): Promise<{ requests: number; errors: number }> => {
    const deadline = Date.now() + seconds * 1000;
    let requests = 0;
    let errors = 0;
    const worker = async (): Promise<void> => {
      while (Date.now() < deadline) {
        const start = process.hrtime.bigint();
        const status = await post(agent, url, path).catch(() => 0);
        latencies.push(millisecondsSince(start));
        requests += 1;
        if (status !== 200) errors += 1;
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    return { requests, errors };
  };
  await drive(options.warmupSeconds, []);
  const latencies: number[] = [];
  const before = await emulator.usage();
  const start = process.hrtime.bigint();
  const { requests, errors } = await drive(options.seconds, latencies);
  const elapsedSeconds = millisecondsSince(start) / 1000;
  const after = await emulator.usage();
  agent.destroy();
  return {
    operation,
    requests,
    errors,
    requestsPerSecond: requests / elapsedSeconds,
    medianMs: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    serverCpuMicroseconds: (after.cpuMicroseconds - before.cpuMicroseconds) / requests,
  };
}

export async function runEmulatorThroughput(emulator: EmulatorProcess, options: ThroughputOptions): Promise<ThroughputResult> {
  return { options, rows: [await load(emulator, "Converse", options), await load(emulator, "ConverseStream", options)] };
}
