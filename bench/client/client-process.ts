/**
 * Child process: one contender's client. Loads only that contender, runs what the driver asks
 * (weather-agent batches, turns of one long conversation, idle-memory), and times each run
 * itself. Usage: forked by bench/run.ts with `<contender key> <emulator url>`.
 */
import { cpuMicroseconds, peakRssBytes, serveRequests } from "../process/child-channel.js";
import { type Contender, findContender, type ConversationTurn } from "../contenders/index.js";
import { conversationAnswer, conversationQuestion, idleMessageText, weatherAnswer, weatherQuestion, weatherToolInvocations } from "../contenders/weather-tool.js";
import { millisecondsSince } from "../stats.js";
import type { BatchResult, ClientRequest, ConversationTurnsRequest, IdleMemoryRequest, IdleMemoryResult, WeatherBatchRequest } from "./batch-types.js";

const [key, endpoint] = process.argv.slice(2);
if (key === undefined || endpoint === undefined) throw new Error("usage: client-process.ts <contender key> <emulator url>");
// Listen at once (messages sent before a listener exists would be lost); requests wait for setup.
const setup = findContender(key).create(endpoint);

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Runs `run` `runs` times, `concurrency` at a time, timing each run; `run` resolves to what was
 * wrong with the run, or undefined when it was right.
 */
async function timeBatch(runs: number, concurrency: number, run: () => Promise<string | undefined>): Promise<BatchResult> {
  const durationsMs: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  const cpuBefore = cpuMicroseconds();
  const batchStart = process.hrtime.bigint();
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < runs) {
      started += 1;
      const start = process.hrtime.bigint();
      const failure = await run();
      durationsMs.push(millisecondsSince(start));
      if (failure !== undefined) {
        failures += 1;
        firstFailure ??= failure;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = millisecondsSince(batchStart);
  const cpu = cpuMicroseconds() - cpuBefore;
  return { durationsMs, failures, ...(firstFailure && { firstFailure }), cpuMicroseconds: cpu, wallMs, peakRssBytes: peakRssBytes() };
}

async function weatherBatch(contender: Contender, request: WeatherBatchRequest): Promise<BatchResult> {
  const toolRunsBefore = weatherToolInvocations();
  const batch = await timeBatch(request.runs, request.concurrency, async () => {
    try {
      const text = await contender.weatherRun(weatherQuestion, request.streaming);
      return text === weatherAnswer ? undefined : `wrong answer: ${JSON.stringify(text.slice(0, 200))}`;
    } catch (error) {
      return describe(error);
    }
  });
  // Every correct answer needs the tool's result, so each run ran it at least once; a total equal
  // to the number of runs therefore means exactly once each. Extra runs count as failures.
  const toolRuns = weatherToolInvocations() - toolRunsBefore;
  const correct = request.runs - batch.failures;
  if (toolRuns > correct) {
    batch.failures = Math.min(request.runs, batch.failures + (toolRuns - correct));
    batch.firstFailure ??= `the tool ran ${toolRuns} times for ${correct} correct runs`;
  }
  return batch;
}

let conversation: ConversationTurn | undefined;
let turnsTaken = 0;

function conversationTurns(contender: Contender, request: ConversationTurnsRequest): Promise<BatchResult> {
  const sendTurn = (conversation ??= contender.startConversation());
  return timeBatch(request.count, 1, async () => {
    turnsTaken += 1;
    try {
      const text = await sendTurn(conversationQuestion(turnsTaken));
      return text === conversationAnswer(turnsTaken) ? undefined : `turn ${turnsTaken}: wrong answer ${JSON.stringify(text.slice(0, 200))}`;
    } catch (error) {
      return `turn ${turnsTaken}: ${describe(error)}`;
    }
  });
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("idle-memory needs --expose-gc");
  for (let pass = 0; pass < 3; pass += 1) gc();
}

function retained(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

async function idleMemory(contender: Contender, request: IdleMemoryRequest): Promise<IdleMemoryResult> {
  const hold = contender.holdConversation?.bind(contender);
  if (hold === undefined) throw new Error(`${key} keeps no conversation of its own`);
  // One conversation first, so modules and shared objects are loaded before the baseline.
  const warm = hold(Array.from({ length: request.messagesPerAgent }, (_, message) => idleMessageText(-1, message)));
  collectGarbage();
  const heapBefore = retained();
  const rssBefore = process.memoryUsage().rss;
  const held: unknown[] = [];
  for (let agent = 0; agent < request.agents; agent += 1) {
    held.push(hold(Array.from({ length: request.messagesPerAgent }, (_, message) => idleMessageText(agent, message))));
  }
  collectGarbage();
  const result = { retainedBytes: retained() - heapBefore, rssGrowthBytes: process.memoryUsage().rss - rssBefore, agents: held.length };
  // Keep both alive until measured.
  if (held.length < 0) console.log(warm);
  return result;
}

serveRequests<ClientRequest>(async (body) => {
  const contender = await setup;
  switch (body.type) {
    case "weather":
      return weatherBatch(contender, body);
    case "conversation-turns":
      return conversationTurns(contender, body);
    case "idle-memory":
      return idleMemory(contender, body);
    case "ready":
      return key;
    default:
      throw new Error(`unknown request ${(body as { type: string }).type}`);
  }
});
