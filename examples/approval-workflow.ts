/**
 * A workflow paused at an approval and resumed in another process: a refund request is looked up,
 * then a support agent decides the refund, whose tool needs a person's approval. The run pauses;
 * its state is written to a JSON file; a later process (here: a new Node process) reads it and
 * resumes with the person's decision. The lookup is not run again, the agent continues its
 * conversation, and the refund runs once.
 *
 *   npx tsx --conditions=development examples/approval-workflow.ts                  # both halves, one emulator
 *   ... approval-workflow.ts --start run.json                                         # the first process (needs a Bedrock endpoint)
 *   ... approval-workflow.ts --resume run.json [--deny]                               # a later process
 */
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Agent, type BedrockClientOptions } from "@sluice/core";
import { startEmulator, type ScriptDefinition } from "@sluice/emulator";
import { approvalMiddleware, approve, defineTool, deny } from "@sluice/tools";
import { agentStep, sequence, step, workflow, type WorkflowState } from "@sluice/workflows";
import { z } from "zod";

const modelId = "us.anthropic.claude-3-5-haiku-20241022-v1:0";

/** Where the shop notes what really happened (a file, so separate processes share it). */
export interface Shop {
  ledger: string;
}

/** The refund workflow. Without `clientOptions` the agent finds Bedrock (or the emulator) through the environment. */
export function refundWorkflow(shop: Shop, clientOptions?: BedrockClientOptions) {
  const refundOrder = defineTool({
    name: "refund_order",
    description: "Refunds an order to the customer's card.",
    input: z.object({ orderId: z.string(), cents: z.number().int().positive() }),
    needsApproval: ({ cents }) => cents > 10_000,
    handler: ({ orderId, cents }) => {
      appendFileSync(shop.ledger, `refund ${orderId} ${cents} (process ${process.pid})\n`);
      return `Refunded $${(cents / 100).toFixed(2)} on order ${orderId}.`;
    },
  });
  const lookup = step({
    name: "lookup",
    input: z.object({ orderId: z.string(), complaint: z.string() }),
    run: ({ orderId, complaint }) => {
      appendFileSync(shop.ledger, `lookup ${orderId} (process ${process.pid})\n`);
      return { orderId, complaint, customer: "Ada", totalCents: 24_900 };
    },
  });
  const decide = agentStep({
    name: "decide",
    agent: () =>
      new Agent({ modelId, ...(clientOptions && { clientOptions }), system: "You are a support agent for an online shop.", tools: [refundOrder], middleware: [approvalMiddleware()] }),
    prompt: (order: { orderId: string; complaint: string; customer: string; totalCents: number }) =>
      `Customer ${order.customer} asks for a refund of order ${order.orderId} (total ${order.totalCents} cents): ${order.complaint}`,
  });
  return workflow({ name: "refund", steps: sequence(lookup, decide) });
}

/** How the scripted model plays the support agent. */
export const refundScript: ScriptDefinition = {
  rules: [
    { match: { text: "asks for a refund" }, reply: { text: "I'll refund the whole order.", toolCalls: [{ name: "refund_order", input: { orderId: "1042", cents: 24_900 } }] } },
    { match: { toolResult: { name: "refund_order", status: "success" } }, reply: { text: "Done: $249.00 is on its way back to your card." } },
    { match: { toolResult: { name: "refund_order", status: "error" } }, reply: { text: "Sorry, a manager has to approve a refund this large." } },
  ],
};

/** The first process: runs until the approval and writes the state to `stateFile`. */
export async function startRefund(shop: Shop, stateFile: string, clientOptions?: BedrockClientOptions) {
  const result = await refundWorkflow(shop, clientOptions).run({ orderId: "1042", complaint: "It arrived broken." });
  writeFileSync(stateFile, JSON.stringify(result.state));
  return result;
}

/** A later process: reads the state and resumes it with the person's decision on every pending approval. */
export async function resumeRefund(shop: Shop, stateFile: string, decision: "approve" | "deny", clientOptions?: BedrockClientOptions) {
  const state = JSON.parse(readFileSync(stateFile, "utf8")) as WorkflowState;
  const answer = decision === "approve" ? approve() : deny("Refunds over $100 need a manager's sign-off.");
  const pending = Object.values(state.records).flatMap((record) => (record.status === "paused" ? record.pause.pending : []));
  return refundWorkflow(shop, clientOptions).resume(state, Object.fromEntries(pending.map((entry) => [entry.id, answer])));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { start: { type: "string" }, resume: { type: "string" }, deny: { type: "boolean" }, ledger: { type: "string" } } });
  const shop = { ledger: values.ledger ?? join(tmpdir(), "sluice-refund-ledger.txt") };
  if (values.start !== undefined) {
    const result = await startRefund(shop, values.start);
    console.log(JSON.stringify({ status: result.status, pending: result.status === "paused" ? result.pending : [] }));
    return;
  }
  if (values.resume !== undefined) {
    const result = await resumeRefund(shop, values.resume, values.deny ? "deny" : "approve");
    console.log(JSON.stringify({ status: result.status, output: result.status === "complete" ? result.output : undefined, runId: result.runId }));
    return;
  }
  const emulator = await startEmulator({ script: refundScript });
  const folder = await mkdtemp(join(tmpdir(), "sluice-refund-"));
  try {
    const local = { ledger: join(folder, "ledger.txt") };
    const paused = await startRefund(local, join(folder, "run.json"), emulator.clientOptions);
    console.log(`paused, waiting for: ${paused.status === "paused" ? paused.pending.map((entry) => `${entry.toolName} ${JSON.stringify(entry.toolInput)}`).join(", ") : "nothing"}`);
    const finished = await resumeRefund(local, join(folder, "run.json"), values.deny ? "deny" : "approve", emulator.clientOptions);
    console.log(finished.status === "complete" ? finished.output : finished.status);
    console.log(readFileSync(local.ledger, "utf8").trim());
  } finally {
    await rm(folder, { recursive: true, force: true });
    await emulator.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
