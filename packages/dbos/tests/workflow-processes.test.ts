import { fileURLToPath } from "node:url";
import { startEmulator, type Emulator, type ScriptDefinition } from "@sluice/emulator";
import { describeWithService, postgresService, startWorker, testNamespace, type WorkerProcess } from "@sluice/test-services";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { createSystemDatabase, dropSystemDatabase, newLedger, readLedger, systemDatabaseUrl, until } from "./dbos-fixture.js";

const service = await postgresService();
const namespace = testNamespace(import.meta.url);
const workerFile = fileURLToPath(new URL("./fixtures/workflow-worker.ts", import.meta.url));
let emulator: Emulator;
const workers: WorkerProcess[] = [];

function worker(environment: Record<string, string>): WorkerProcess {
  const started = startWorker(workerFile, { SYSTEM_DATABASE_URL: systemDatabaseUrl(namespace), EMULATOR_URL: emulator.url, ...environment });
  workers.push(started);
  return started;
}

const actions = (ledger: string[]) => ledger.map((line) => line.split(" ")[0]);
const script: ScriptDefinition = {
  rules: [
    { match: { text: "Please refund" }, reply: { text: "Refunding.", toolCalls: [{ name: "refund_order", input: { orderId: "1042", cents: 2_500 } }] } },
    { match: { toolResult: { name: "refund_order", status: "success" } }, reply: { text: "Refunded $25.00." } },
    { match: { toolResult: { name: "refund_order", status: "error" } }, reply: { text: "Not refunded." } },
  ],
};

describeWithService(service, "durable workflows on DBOS across processes", () => {
  beforeAll(async () => {
    await createSystemDatabase(namespace);
    emulator = await startEmulator({ script });
  });
  afterEach(() => {
    for (const running of workers.splice(0)) running.child.kill("SIGKILL");
    emulator.reset();
  });
  afterAll(async () => {
    await emulator?.close();
    await dropSystemDatabase(namespace);
  });

  it("a workflow killed in a slow step resumes in a new process at that step: the completed step is not run again", async () => {
    const ledger = newLedger();
    const first = worker({ MODE: "start", WORKFLOW_ID: "wf-kill", EXECUTOR_ID: "exec-w1", LEDGER: ledger, PREPARE_MS: "30000" });
    await until(() => actions(readLedger(ledger)).includes("prepare-start"), "the slow step to start");
    first.child.kill("SIGKILL");
    await first.exited;

    const second = worker({ MODE: "recover", WORKFLOW_ID: "wf-kill", EXECUTOR_ID: "exec-w1", LEDGER: ledger });
    const result = await second.message<{ output: string; runId: string }>("result");
    // The workflow's run id is the DBOS workflow id, the same before and after the kill.
    expect(result).toMatchObject({ output: "Refunded $25.00.", runId: "wf-kill" });
    const lines = readLedger(ledger);
    expect(actions(lines)).toEqual(["lookup", "prepare-start", "prepare-start", "prepare-done", "refund"]);
    expect(lines[0]).toContain(String(first.child.pid));
    expect(lines[4]).toContain(String(second.child.pid));
    expect(emulator.requests).toHaveLength(2);
  });

  it("a workflow paused at an approval waits durably; another process answers and the run continues without repeating steps", async () => {
    const ledger = newLedger();
    const runner = worker({ MODE: "start", WORKFLOW_ID: "wf-approval", EXECUTOR_ID: "exec-w2", LEDGER: ledger, APPROVAL: "1" });
    await runner.message("started");
    const answerer = worker({ MODE: "answer", WORKFLOW_ID: "wf-approval", EXECUTOR_ID: "exec-w3", LEDGER: ledger });
    const { pending } = await answerer.message<{ pending: Array<Record<string, unknown>> }>("pending");
    expect(pending).toMatchObject([{ path: "refund/decide", kind: "tool", reason: "approval-required", toolName: "refund_order", toolInput: { orderId: "1042", cents: 2_500 } }]);
    expect(actions(readLedger(ledger))).toEqual(["lookup", "prepare-start", "prepare-done"]);
    await answerer.message("answered");

    const result = await runner.message<{ output: string }>("result");
    expect(result.output).toBe("Refunded $25.00.");
    expect(actions(readLedger(ledger))).toEqual(["lookup", "prepare-start", "prepare-done", "refund"]);
    // One call that asked for the refund, one after it ran.
    expect(emulator.requests).toHaveLength(2);
  });
});
