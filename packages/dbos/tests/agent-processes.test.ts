import { fileURLToPath } from "node:url";
import { startEmulator, type Emulator } from "@sluice/emulator";
import { describeWithService, postgresService, startWorker, testNamespace, type WorkerProcess } from "@sluice/test-services";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { createSystemDatabase, dropSystemDatabase, newLedger, readLedger, systemDatabaseUrl, until } from "./dbos-fixture.js";
import { supportScript } from "./fixtures/durable-support.js";

const service = await postgresService();
const namespace = testNamespace(import.meta.url);
const workerFile = fileURLToPath(new URL("./fixtures/agent-worker.ts", import.meta.url));
let emulator: Emulator;
const workers: WorkerProcess[] = [];

function worker(environment: Record<string, string>): WorkerProcess {
  const started = startWorker(workerFile, { SYSTEM_DATABASE_URL: systemDatabaseUrl(namespace), EMULATOR_URL: emulator.url, ...environment });
  workers.push(started);
  return started;
}

type Result = { text: string; status: string; steps: number };
const actions = (ledger: string[]) => ledger.map((line) => line.split(" ")[0]);

describeWithService(service, "durable agent runs on DBOS across processes", () => {
  beforeAll(async () => {
    await createSystemDatabase(namespace);
    emulator = await startEmulator({ script: supportScript });
  });
  afterEach(() => {
    for (const running of workers.splice(0)) running.child.kill("SIGKILL");
    emulator.reset();
  });
  afterAll(async () => {
    await emulator?.close();
    await dropSystemDatabase(namespace);
  });

  it("a process killed while a tool runs is recovered by a new process: completed model calls not sent again, the completed tool not run again", async () => {
    const ledger = newLedger();
    const first = worker({ MODE: "start", WORKFLOW_ID: "kill-in-tool", EXECUTOR_ID: "exec-a", LEDGER: ledger, REFUND_MS: "30000" });
    await until(() => actions(readLedger(ledger)).includes("refund-start"), "the refund to start");
    first.child.kill("SIGKILL");
    expect(await first.exited).toBe("SIGKILL");
    expect(emulator.requests).toHaveLength(2);

    const second = worker({ MODE: "recover", WORKFLOW_ID: "kill-in-tool", EXECUTOR_ID: "exec-a", LEDGER: ledger, REFUND_MS: "0" });
    const result = await second.message<Result>("result");
    expect(result).toMatchObject({ text: "Done: $25.00 is on its way back.", status: "complete", steps: 3 });

    const lines = readLedger(ledger);
    // The lookup ran once (first process); the refund in flight at the kill ran again (at-least-once).
    expect(actions(lines)).toEqual(["lookup", "refund-start", "refund-start", "refund-done"]);
    expect(lines[0]).toContain(String(first.child.pid));
    expect(lines[3]).toContain(String(second.child.pid));
    // Both attempts of the refund got the same idempotency key: the workflow id and the stored toolUseId.
    const keys = lines.filter((line) => line.startsWith("refund-start")).map((line) => line.split(" ")[2]);
    expect(keys[0]).toMatch(/^key=kill-in-tool:tooluse_/);
    expect(keys[1]).toBe(keys[0]);
    // Two model calls before the kill, one after: the first two were not sent again.
    expect(emulator.requests).toHaveLength(3);
    const last = emulator.requests[2]?.body as { messages: Array<{ role: string }> };
    expect(last.messages.map((message) => message.role)).toEqual(["user", "assistant", "user", "assistant", "user"]);
  });

  it("a process killed during a slow model call is recovered: the earlier model call and tool are not repeated, the call in flight is sent again", async () => {
    const ledger = newLedger();
    emulator.injectFault({ everyNth: 2, times: 1, effect: { type: "latency", delayMs: 30_000 } });
    const first = worker({ MODE: "start", WORKFLOW_ID: "kill-in-model", EXECUTOR_ID: "exec-b", LEDGER: ledger });
    await until(() => emulator.requests.length === 2, "the second model call");
    first.child.kill("SIGKILL");
    await first.exited;

    const second = worker({ MODE: "recover", WORKFLOW_ID: "kill-in-model", EXECUTOR_ID: "exec-b", LEDGER: ledger });
    const result = await second.message<Result>("result");
    expect(result.text).toBe("Done: $25.00 is on its way back.");
    expect(actions(readLedger(ledger))).toEqual(["lookup", "refund-start", "refund-done"]);
    // 1 and 2 (in flight, lost) by the first process; 2 again and 3 by the second.
    expect(emulator.requests).toHaveLength(4);
  });

  it("a worker with another executor id takes over a killed worker's run (DBOS.resumeWorkflow) and finishes it without repeating completed calls", async () => {
    const ledger = newLedger();
    const first = worker({ MODE: "start", WORKFLOW_ID: "takeover", EXECUTOR_ID: "exec-e", LEDGER: ledger, REFUND_MS: "30000" });
    await until(() => actions(readLedger(ledger)).includes("refund-start"), "the refund to start");
    first.child.kill("SIGKILL");
    await first.exited;

    const second = worker({ MODE: "takeover", WORKFLOW_ID: "takeover", EXECUTOR_ID: "exec-f", LEDGER: ledger });
    const result = await second.message<Result>("result");
    expect(result).toMatchObject({ text: "Done: $25.00 is on its way back.", status: "complete", steps: 3 });
    expect(actions(readLedger(ledger))).toEqual(["lookup", "refund-start", "refund-start", "refund-done"]);
    expect(emulator.requests).toHaveLength(3);
  });

  it("an approval is a durable wait: another process answers it, and the run continues where it waits", async () => {
    const ledger = newLedger();
    const runner = worker({ MODE: "start", WORKFLOW_ID: "approval", EXECUTOR_ID: "exec-c", LEDGER: ledger, APPROVAL: "1" });
    await runner.message("started");
    const answerer = worker({ MODE: "answer", WORKFLOW_ID: "approval", EXECUTOR_ID: "exec-d", LEDGER: ledger, APPROVAL: "1" });
    const { pending } = await answerer.message<{ pending: Array<{ id: string; reason: string; toolName: string; toolInput: unknown }> }>("pending");
    expect(pending).toEqual([{ id: expect.stringMatching(/^tooluse_/), reason: "approval-required", toolName: "refund_order", toolInput: { orderId: "1042", cents: 2_500 }, data: { kind: "approval", description: "Refunds an order." } }]);
    expect(actions(readLedger(ledger))).toEqual(["lookup"]);
    await answerer.message("answered");

    const result = await runner.message<Result>("result");
    expect(result).toMatchObject({ text: "Done: $25.00 is on its way back.", status: "complete", steps: 3 });
    expect(actions(readLedger(ledger))).toEqual(["lookup", "refund-start", "refund-done"]);
    expect(emulator.requests).toHaveLength(3);
  });
});
