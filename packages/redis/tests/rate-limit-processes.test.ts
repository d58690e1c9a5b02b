import { fileURLToPath } from "node:url";
import { startEmulator, type Emulator } from "@sluice/emulator";
import { describeWithService, redisService, redisUrl, startWorker, testNamespace, type WorkerProcess } from "@sluice/test-services";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { RateLimitGrant } from "../src/index.js";
import { connectRedis } from "./redis-fixture.js";

const service = await redisService();
const namespace = testNamespace(import.meta.url);
const workerFile = fileURLToPath(new URL("./fixtures/rate-limit-worker.ts", import.meta.url));
let emulator: Emulator;
const workers: WorkerProcess[] = [];
type Result = { grants: RateLimitGrant[]; refused: number };

/** Starts `count` workers, releases them at once, and collects what each was granted. */
async function runWorkers(count: number, environment: Record<string, string>): Promise<Result[]> {
  const group = Array.from({ length: count }, () => startWorker(workerFile, { REDIS_URL: redisUrl, EMULATOR_URL: emulator.url, ...environment }));
  workers.push(...group);
  await Promise.all(group.map((each) => each.message("ready")));
  for (const each of group) each.send("go");
  return Promise.all(group.map((each) => each.message<Result>("result")));
}

/**
 * The budget, checked by the Redis server's clock: between any two grants, no more were made than
 * the burst plus what the rate refilled in between (plus one for millisecond rounding).
 */
function expectWithinBudget(grants: RateLimitGrant[], perMinute: number, burst: number): void {
  const times = grants.map((grant) => grant.grantedAt).sort((a, b) => a - b);
  for (let first = 0; first < times.length; first += 1) {
    for (let last = first; last < times.length; last += 1) {
      const allowed = burst + (((times[last] as number) - (times[first] as number) + 1) * perMinute) / 60_000;
      expect(last - first + 1, `grants ${first}..${last}`).toBeLessThanOrEqual(Math.floor(allowed));
    }
  }
}

describeWithService(service, "a rate limit on Redis shared by several processes", () => {
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

  it("failing when over budget: 4 processes × 10 calls at once get no more than the burst plus the refill, and only granted calls reach the model", async () => {
    const results = await runWorkers(4, { PREFIX: `${namespace}:fail:`, RPM: "120", BURST: "8", POLICY: "fail", COUNT: "10" });
    const grants = results.flatMap((result) => result.grants);
    expect(grants.length + results.reduce((sum, result) => sum + result.refused, 0)).toBe(40);
    expect(grants.length).toBeGreaterThanOrEqual(8);
    expectWithinBudget(grants, 120, 8);
    expect(emulator.requests).toHaveLength(grants.length);
  });

  it("waiting in line: 4 processes × 8 calls are all granted, within budget, in arrival order, and shared out evenly", async () => {
    const results = await runWorkers(4, { PREFIX: `${namespace}:wait:`, RPM: "600", BURST: "4", POLICY: "wait", COUNT: "8" });
    const grants = results.flatMap((result) => result.grants);
    expect(grants).toHaveLength(32);
    expect(emulator.requests).toHaveLength(32);
    expectWithinBudget(grants, 600, 4);
    // First come, first served across processes: grant numbers follow arrival tickets.
    const byGrant = [...grants].sort((a, b) => a.grant - b.grant);
    expect(byGrant.map((grant) => grant.ticket)).toEqual([...byGrant.map((grant) => grant.ticket)].sort((a, b) => a - b));
    // Each process has one call in line at a time, so the first 16 grants go round: 4 each when the
    // processes start together, at least 2 each when a busy machine starts one a little late (a
    // queue that let one process jump ahead would leave another with 0 or 1).
    const owners = new Map(results.flatMap((result, index) => result.grants.map((grant) => [grant.grant, index] as const)));
    const firstHalf = byGrant.slice(0, 16).map((grant) => owners.get(grant.grant));
    for (let index = 0; index < 4; index += 1) expect(firstHalf.filter((owner) => owner === index).length, `process ${index}`).toBeGreaterThanOrEqual(2);
  });
});
