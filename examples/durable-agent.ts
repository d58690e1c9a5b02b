/**
 * A durable agent run that survives its process: a support agent looks an order up and refunds
 * it, each model call and tool call a DBOS step checkpointed in PostgreSQL. The first worker
 * process is killed (SIGKILL) after the payment service refunded, before the tool call ended; a
 * second worker, started with the same executor id, recovers the run: the completed model calls
 * are not sent again, the lookup does not run again, and the refund tool (the call in flight at
 * the kill: at-least-once) runs again with the same idempotency key, so the payment service
 * refunds once.
 *
 *   npx tsx --conditions=development examples/durable-agent.ts       # both workers, on the emulator
 *
 * Needs PostgreSQL: DBOS_SYSTEM_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/sluice_durable_agent;
 * DBOS creates the database).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DBOS } from "@dbos-inc/dbos-sdk";
import { Agent } from "@sluice/core";
import { durableAgent, durableMiddleware, toolIdempotencyKey } from "@sluice/dbos";
import { startEmulator, type ScriptDefinition } from "@sluice/emulator";
import { defineTool } from "@sluice/tools";
import { z } from "zod";

const modelId = "us.anthropic.claude-3-5-haiku-20241022-v1:0";

/** The payment service's ledger: a file, so both worker processes write to the same one. */
const ledger = process.env.SLUICE_EXAMPLE_LEDGER ?? join(tmpdir(), "sluice-durable-ledger.txt");
const payments = {
  /** Refunds once per idempotency key, as payment APIs do. */
  refund(orderId: string, key: string): "refunded" | "already refunded" {
    const seen = existsSync(ledger) && readFileSync(ledger, "utf8").includes(`key=${key}`);
    appendFileSync(ledger, seen ? `duplicate refund of ${orderId} ignored\n` : `refund ${orderId} key=${key}\n`);
    return seen ? "already refunded" : "refunded";
  },
};

const lookupOrder = defineTool({
  name: "lookup_order",
  description: "Finds an order by its number.",
  input: z.object({ orderId: z.string() }),
  handler: ({ orderId }) => {
    appendFileSync(ledger, `lookup ${orderId}\n`);
    return { orderId, item: "kettle", cents: 2_500, delivered: "broken" };
  },
});
const refundOrder = defineTool({
  name: "refund_order",
  description: "Refunds an order to the customer's card.",
  input: z.object({ orderId: z.string() }),
  handler: async ({ orderId }, context) => {
    appendFileSync(ledger, `refund started ${orderId}\n`);
    const outcome = payments.refund(orderId, toolIdempotencyKey(context));
    await new Promise((resolve) => setTimeout(resolve, Number(process.env.SLUICE_EXAMPLE_CONFIRM_MS ?? 0))); // the bank confirms slowly
    return outcome;
  },
});

/** Registered at module load, before DBOS.launch(), in every process that may run or recover it. */
export const support = durableAgent({
  name: "support",
  agent: () => new Agent({ modelId, system: "You are a support agent of an online shop.", tools: [lookupOrder, refundOrder], middleware: [durableMiddleware()] }),
});

/** How the scripted model plays the support agent. */
export const supportScript: ScriptDefinition = {
  rules: [
    { match: { text: "refund" }, reply: { text: "Let me find the order.", toolCalls: [{ name: "lookup_order", input: { orderId: "1042" } }] } },
    { match: { toolResult: { name: "lookup_order" } }, reply: { text: "It arrived broken; refunding it.", toolCalls: [{ name: "refund_order", input: { orderId: "1042" } }] } },
    { match: { toolResult: { name: "refund_order" } }, reply: { text: "Done: $25.00 is on its way back to your card." } },
  ],
};

const systemDatabaseUrl = () => process.env.DBOS_SYSTEM_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/sluice_durable_agent";

/** A worker: launches DBOS (recovering its executor's unfinished runs) and waits for the run's result. */
async function worker(workflowId: string): Promise<void> {
  // Pin the version: a process of another version does not recover this one's runs.
  DBOS.setConfig({ name: "sluice-durable-agent", systemDatabaseUrl: systemDatabaseUrl(), applicationVersion: "durable-agent-1", executorID: "worker", logLevel: "error" });
  await DBOS.launch();
  // Starting an id that exists returns that run (here: the run this launch just recovered).
  const handle = await support.start("Please refund order 1042, it arrived broken.", { workflowId });
  console.log(JSON.stringify({ started: handle.workflowId }));
  const result = await handle.result();
  console.log(JSON.stringify({ text: result.text, modelCalls: result.steps.length }));
  await DBOS.shutdown();
}

function startWorker(workflowId: string, environment: Record<string, string>): ChildProcess {
  // TypeScript through tsx, as `node` would run the built code.
  const args = ["--conditions=development", "--import", "tsx", fileURLToPath(import.meta.url), "--worker", workflowId];
  return spawn(process.execPath, args, { env: { ...process.env, ...environment }, stdio: ["ignore", "pipe", "inherit"] });
}

function output(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    child.stdout?.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.on("close", () => resolve(text));
  });
}

/** Both workers against the emulator: the first is killed in the refund tool, the second finishes the run. */
export async function runDurableAgentExample(log: (line: string) => void = console.log): Promise<{ text: string; ledger: string[]; modelCalls: number }> {
  const emulator = await startEmulator({ script: supportScript });
  const folder = mkdtempSync(join(tmpdir(), "sluice-durable-"));
  const environment = { ...emulator.environment, SLUICE_EXAMPLE_LEDGER: join(folder, "ledger.txt"), DBOS_SYSTEM_DATABASE_URL: systemDatabaseUrl() };
  const read = () => (existsSync(environment.SLUICE_EXAMPLE_LEDGER) ? readFileSync(environment.SLUICE_EXAMPLE_LEDGER, "utf8").trim().split("\n") : []);
  const workflowId = `refund-${Date.now()}`;
  try {
    const first = startWorker(workflowId, { ...environment, SLUICE_EXAMPLE_CONFIRM_MS: "60000" });
    let exited = false;
    first.on("exit", () => (exited = true));
    while (!read().some((line) => line.startsWith("refund 1042"))) {
      if (exited) throw new Error("Worker 1 ended before the refund started; is PostgreSQL running at DBOS_SYSTEM_DATABASE_URL?");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    first.kill("SIGKILL");
    log(`worker 1 killed after the refund, before its tool call ended (${emulator.requests.length} model calls so far)`);

    const second = startWorker(workflowId, { ...environment, SLUICE_EXAMPLE_CONFIRM_MS: "0" });
    const lines = (await output(second)).trim().split("\n");
    const result = JSON.parse(lines.at(-1) ?? "{}") as { text: string };
    log(`worker 2 recovered the run: ${result.text}`);
    log(`model calls sent in all: ${emulator.requests.length}`);
    for (const line of read()) log(`  ledger: ${line}`);
    return { text: result.text, ledger: read(), modelCalls: emulator.requests.length };
  } finally {
    await emulator.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const { values } = parseArgs({ options: { worker: { type: "string" } } });
  const running = values.worker !== undefined ? worker(values.worker) : runDurableAgentExample().then(() => undefined);
  running.catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
