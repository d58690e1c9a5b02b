/**
 * Human approval with a process restart in the middle: a support agent may look orders up on its
 * own, but refunds above $100 wait for a person. The paused run is saved as JSON to a file, a new
 * Agent (as after a restart) loads it, and the person's decision resumes it: approved, the
 * refund runs; denied, the model hears why and answers the customer.
 *
 *   npx tsx --conditions=development examples/approval-flow.ts          # approves
 *   npx tsx --conditions=development examples/approval-flow.ts --deny   # denies
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Agent, type AgentSnapshot } from "@sluice/core";
import { startEmulator, type Emulator, type ScriptDefinition } from "@sluice/emulator";
import { approvalMiddleware, approve, defineTool, deny, pendingApprovals, toolLoggingMiddleware } from "@sluice/tools";
import { z } from "zod";

/** The shop's side: orders and the refunds actually made. */
export function createShop() {
  const orders: Record<string, { customer: string; totalCents: number }> = { "1042": { customer: "Ada", totalCents: 24_900 } };
  const refunds: Array<{ orderId: string; cents: number }> = [];

  const lookupOrder = defineTool({
    name: "lookup_order",
    description: "Finds an order by its number.",
    input: z.object({ orderId: z.string() }),
    handler: ({ orderId }) => orders[orderId] ?? { error: `No order ${orderId}` },
  });
  const refundOrder = defineTool({
    name: "refund_order",
    description: "Refunds part or all of an order to the customer's card.",
    input: z.object({ orderId: z.string(), cents: z.number().int().positive() }),
    // Small refunds go through; anything above $100 waits for a person.
    needsApproval: ({ cents }) => cents > 10_000,
    handler: ({ orderId, cents }) => {
      refunds.push({ orderId, cents });
      return `Refunded $${(cents / 100).toFixed(2)} on order ${orderId}.`;
    },
  });
  return { tools: [lookupOrder, refundOrder], refunds };
}

/** How the emulator's scripted model plays the support agent. */
export const supportScript: ScriptDefinition = {
  rules: [
    {
      match: { text: "refund" },
      reply: {
        text: "Let me find the order and refund it.",
        toolCalls: [
          { name: "lookup_order", input: { orderId: "1042" } },
          { name: "refund_order", input: { orderId: "1042", cents: 24_900 } },
        ],
      },
    },
    { match: { toolResult: { name: "refund_order", status: "error" } }, reply: { text: "I'm sorry, Ada: a refund this large needs a manager. I've asked one to call you." } },
    { match: { toolResult: { name: "refund_order", status: "success" } }, reply: { text: "Done, Ada: $249.00 is on its way back to your card." } },
  ],
};

export interface ApprovalFlowOptions {
  /** The person's decision. Default: approve. */
  decision?: "approve" | "deny";
  write?: (line: string) => void;
}

/** Runs the flow end to end; returns what happened. */
export async function runApprovalFlow(options: ApprovalFlowOptions = {}) {
  const write = options.write ?? ((line: string) => console.log(line));
  const emulator = await startEmulator({ script: supportScript });
  const folder = await mkdtemp(join(tmpdir(), "sluice-approval-"));
  const shop = createShop();
  try {
    // Process 1: the customer asks; the run pauses on the refund.
    const first = supportAgent(emulator, shop.tools);
    write("customer > Please refund order 1042, it arrived broken.");
    const paused = await first.send("Please refund order 1042, it arrived broken.");
    const pending = pendingApprovals(paused);
    for (const call of pending) write(`  [waiting for approval: ${call.name} ${JSON.stringify(call.input)}]`);
    const savedTo = join(folder, "paused-run.json");
    await writeFile(savedTo, JSON.stringify(first.snapshot()));
    write(`  [run saved to ${savedTo}; refunds so far: ${shop.refunds.length}]`);

    // Process 2, later: a new Agent loads the paused run; a person decides.
    const second = supportAgent(emulator, shop.tools);
    second.restore(JSON.parse(await readFile(savedTo, "utf8")) as AgentSnapshot);
    const decision = options.decision === "deny" ? deny("Refunds over $100 need a manager's sign-off.") : approve();
    write(`  [person: ${decision.approved ? "approve" : `deny (${decision.reason})`}]`);
    const decisions = Object.fromEntries(pendingApprovals(second.pendingInterrupts).map((call) => [call.toolUseId, decision]));
    const finished = await second.resume(decisions);
    write(`agent    > ${finished.text}`);
    return { pausedStatus: paused.status, pending, finished, refunds: shop.refunds, conversationLength: second.conversation.length };
  } finally {
    await rm(folder, { recursive: true, force: true });
    await emulator.close();
  }
}

function supportAgent(emulator: Emulator, tools: ReturnType<typeof createShop>["tools"]): Agent {
  return new Agent({
    modelId: "us.anthropic.claude-3-5-haiku-20241022-v1:0",
    clientOptions: { endpoint: emulator.url, region: "us-east-1", credentials: { accessKeyId: "example", secretAccessKey: "example" } },
    system: "You are a support agent for an online shop.",
    tools,
    middleware: [toolLoggingMiddleware(), approvalMiddleware()],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  runApprovalFlow({ decision: process.argv.includes("--deny") ? "deny" : "approve" }).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
