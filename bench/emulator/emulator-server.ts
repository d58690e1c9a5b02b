/**
 * Child process: the Sluice emulator serving the benchmark script, with no request log (so its
 * memory stays flat over long runs). Answers `usage` requests with its own CPU time, so the
 * driver can count server CPU apart from client CPU.
 */
import { fileURLToPath } from "node:url";
import { startEmulator } from "@sluice/emulator";
import { cpuMicroseconds, peakRssBytes, serveRequests } from "../process/child-channel.js";

const scriptFile = fileURLToPath(new URL("./weather-script.json", import.meta.url));
// Listen for requests at once; the first (`url`) waits for the server to be up. A client process
// waits for seconds while the others run their batches; with Node's 5 s keep-alive, its first
// request after the pause could race the server's close ("socket hang up"), and clients do not retry.
const started = startEmulator({ port: 0, scriptFile, maxRecordedRequests: 0, keepAliveTimeoutMs: 120_000 });

serveRequests(
  async (body) => {
    if (body.type === "url") return (await started).url;
    if (body.type === "usage") return { cpuMicroseconds: cpuMicroseconds(), peakRssBytes: peakRssBytes() };
    throw new Error(`unknown request ${body.type}`);
  },
  async () => (await started).close(),
);
