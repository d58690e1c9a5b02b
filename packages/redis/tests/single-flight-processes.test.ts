import { fileURLToPath } from "node:url";
import { startEmulator, type Emulator } from "@sluice/emulator";
import { describeWithService, redisService, redisUrl, startWorker, testNamespace, type WorkerProcess } from "@sluice/test-services";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { connectRedis } from "./redis-fixture.js";

const service = await redisService();
const namespace = testNamespace(import.meta.url);
const workerFile = fileURLToPath(new URL("./fixtures/cache-worker.ts", import.meta.url));
let emulator: Emulator;
const workers: WorkerProcess[] = [];

function worker(prefix: string, question: string, concurrency: number, lockTtlMs = 10_000): WorkerProcess {
  const started = startWorker(workerFile, {
    REDIS_URL: redisUrl,
    EMULATOR_URL: emulator.url,
    PREFIX: prefix,
    QUESTION: question,
    CONCURRENCY: String(concurrency),
    LOCK_TTL_MS: String(lockTtlMs),
  });
  workers.push(started);
  return started;
}

type Result = { texts: string[]; hits: boolean[] };

describeWithService(service, "response cache on Redis across processes", () => {
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterEach(() => {
    for (const running of workers.splice(0)) running.child.kill("SIGKILL");
    emulator.reset();
  });
  afterAll(async () => {
    await emulator?.close();
    const admin = await connectRedis(`${namespace}-cleanup`);
    for await (const keys of admin.scanIterator({ MATCH: `${namespace}:*`, COUNT: 500 })) if (keys.length > 0) await admin.del(keys);
    await admin.close();
  });

  it("4 processes × 5 identical concurrent requests make one model call; the other 19 are answered by it", async () => {
    emulator.injectFault({ firstCalls: 1, effect: { type: "latency", delayMs: 1_500 } });
    const group = Array.from({ length: 4 }, () => worker(`${namespace}:same:`, "What is a sluice gate?", 5));
    await Promise.all(group.map((each) => each.message("ready")));
    for (const each of group) each.send("go");
    const results = await Promise.all(group.map((each) => each.message<Result>("result")));

    expect(emulator.requests).toHaveLength(1);
    const texts = results.flatMap((result) => result.texts);
    expect(texts).toHaveLength(20);
    expect(new Set(texts)).toEqual(new Set(["You said: What is a sluice gate?"]));
    expect(results.flatMap((result) => result.hits).filter((hit) => !hit)).toHaveLength(1);
  });

  it("when the process holding the call is killed, a waiting process takes over once the lock expires, and every waiter is answered", async () => {
    emulator.injectFault({ firstCalls: 1, effect: { type: "latency", delayMs: 20_000 } });
    const prefix = `${namespace}:killed:`;
    const holder = worker(prefix, "Who holds the lock?", 1, 1_000);
    await holder.message("ready");
    holder.send("go");
    while (emulator.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));

    const waiters = [worker(prefix, "Who holds the lock?", 2, 1_000), worker(prefix, "Who holds the lock?", 2, 1_000)];
    await Promise.all(waiters.map((each) => each.message("ready")));
    for (const each of waiters) each.send("go");
    await Promise.all(waiters.map((each) => each.message("sending")));
    holder.child.kill("SIGKILL");
    expect(await holder.exited).toBe("SIGKILL");

    const results = await Promise.all(waiters.map((each) => each.message<Result>("result")));
    expect(results.flatMap((result) => result.texts)).toEqual(Array(4).fill("You said: Who holds the lock?"));
    // The killed holder's call, then exactly one call by the process that took over.
    expect(emulator.requests).toHaveLength(2);
    expect(results.flatMap((result) => result.hits).filter((hit) => !hit)).toHaveLength(1);
  });
});
