/**
 * Writing your own middleware: a response cache built from scratch on @sluice/core's API. It
 * shows the three things a caching middleware needs:
 *   - answering without calling `next()` (`ModelResult.fromResponse` / `fromEvents`),
 *   - recording a stream as it passes (`observe({ onEvent, onResponse })`), storing it only
 *     once it completed successfully,
 *   - replaying the recorded events, so a streamed call sees the same stream again.
 * The production version — a normalised key, TTLs, an LRU bounded by entries and bytes,
 * pluggable stores and one shared model call for identical concurrent requests — is
 * `responseCacheMiddleware()` in @sluice/middleware; see docs/middleware.md.
 *
 *   npx tsx --conditions=development examples/caching-middleware.ts
 */
import { fileURLToPath } from "node:url";
import { Agent, ModelResult, type ConverseStreamOutput, type ModelMiddleware, type ModelResponse } from "@sluice/core";
import { startEmulator } from "@sluice/emulator";

interface Recorded {
  response: ModelResponse;
  /** The events of a streamed answer, replayed as they came. */
  events?: ConverseStreamOutput[];
}

/** A response cache in about twenty-five lines, keyed by the request's JSON. */
export function simpleCache(stats = { hits: 0, misses: 0 }): { middleware: ModelMiddleware; stats: typeof stats } {
  const entries = new Map<string, Recorded>();
  const middleware: ModelMiddleware = async function simpleCacheMiddleware(call, next) {
    const key = JSON.stringify(call.request);
    const hit = entries.get(key);
    if (hit) {
      stats.hits += 1;
      // Answer without calling next(): nothing reaches the model.
      return call.streaming && hit.events ? ModelResult.fromEvents(hit.events) : ModelResult.fromResponse(hit.response);
    }
    stats.misses += 1;
    const events: ConverseStreamOutput[] = [];
    const result = await next();
    return result.observe({
      onEvent: (event) => events.push(event),
      // Called only after the last event: a failed or abandoned stream is never stored.
      onResponse: (response) => {
        if (response.stopReason === "end_turn") entries.set(key, { response, ...(call.streaming && { events }) });
      },
    });
  };
  return { middleware, stats };
}

/** Asks the same questions twice against the embedded emulator; returns what reached the model. */
export async function runCachingExample(write: (line: string) => void = console.log) {
  const emulator = await startEmulator();
  try {
    const cache = simpleCache();
    const newAgent = () =>
      new Agent({
        modelId: "amazon.nova-lite-v1:0",
        clientOptions: { endpoint: emulator.url, region: "us-east-1", credentials: { accessKeyId: "example", secretAccessKey: "example" } },
        system: "Answer in one sentence.",
        middleware: [cache.middleware],
      });
    const answers: string[] = [];
    for (let round = 1; round <= 2; round += 1) {
      // A fresh agent each round, so the second round sends exactly the same requests.
      const sent = await newAgent().send("What is a sluice?");
      const stream = newAgent().stream("What is a weir?");
      const deltas: string[] = [];
      for await (const event of stream) if (event.type === "text-delta") deltas.push(event.text);
      answers.push(sent.text, deltas.join(""));
      write(`round ${round}: ${emulator.requests.length} requests reached the model so far`);
    }
    return { answers, modelRequests: emulator.requests.length, stats: cache.stats };
  } finally {
    await emulator.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runCachingExample();
