import { fileURLToPath } from "node:url";
import { startEmulator, type Emulator } from "@sluice/emulator";
import { describeWithService, postgresService, startWorker, testNamespace, type WorkerProcess } from "@sluice/test-services";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { createSystemDatabase, dropSystemDatabase, newLedger, readLedger, systemDatabaseUrl } from "./dbos-fixture.js";
import { supportScript } from "./fixtures/durable-support.js";

const service = await postgresService();
const namespace = testNamespace(import.meta.url);
const workerFile = fileURLToPath(new URL("./fixtures/agent-worker.ts", import.meta.url));
let emulator: Emulator;
const workers: WorkerProcess[] = [];

describeWithService(service, "a model's queue on DBOS shared by several processes", () => {
  beforeAll(async () => {
    await createSystemDatabase(namespace);
    emulator = await startEmulator({ script: supportScript });
  });
  afterEach(() => {
    for (const running of workers.splice(0)) running.child.kill("SIGKILL");
  });
  afterAll(async () => {
    await emulator?.close();
    await dropSystemDatabase(namespace);
  });

  it("with concurrency 1, the runs two processes start on the queue run one at a time across both processes", async () => {
    const ledger = newLedger();
    for (const executor of ["exec-q1", "exec-q2"]) {
      workers.push(startWorker(workerFile, { SYSTEM_DATABASE_URL: systemDatabaseUrl(namespace), EMULATOR_URL: emulator.url, MODE: "queue", EXECUTOR_ID: executor, LEDGER: ledger, REFUND_MS: "300" }));
    }
    const ready = await Promise.all(workers.map((worker) => worker.message<{ queue: string }>("ready")));
    expect(ready.map((message) => message.queue)).toEqual(["sluice-model-us.anthropic.claude-3-5-haiku-20241022-v1_0", "sluice-model-us.anthropic.claude-3-5-haiku-20241022-v1_0"]);
    for (const worker of workers) worker.send("go");
    const results = await Promise.all(workers.map((worker) => worker.message<{ texts: string[] }>("result")));
    expect(results.flatMap((result) => result.texts)).toEqual(Array(4).fill("Done: $25.00 is on its way back."));

    // Four runs, never two at once: each run's lookup, refund start and refund end come together.
    const actions = readLedger(ledger).map((line) => line.split(" ")[0]);
    expect(actions).toEqual(Array(4).fill(["lookup", "refund-start", "refund-done"]).flat());
    expect(emulator.requests).toHaveLength(12);
  });
});
