import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "@sluice/emulator";
import { describe, expect, it } from "vitest";
import { refundScript, startRefund } from "./approval-workflow.js";

const example = fileURLToPath(new URL("./approval-workflow.ts", import.meta.url));

/** Runs the example in a new Node process (TypeScript through tsx, as `node` would run the built code). */
function runChild(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=development", "--import", "tsx", example, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("approval workflow example", () => {
  it("pauses at the approval, and a new Node process resumes it from the JSON state without re-running completed steps", async () => {
    const emulator = await startEmulator({ script: refundScript });
    const folder = mkdtempSync(join(tmpdir(), "sluice-approval-workflow-"));
    const shop = { ledger: join(folder, "ledger.txt") };
    const stateFile = join(folder, "run.json");
    try {
      const paused = await startRefund(shop, stateFile, emulator.clientOptions);
      expect(paused.status).toBe("paused");
      if (paused.status !== "paused") return;
      expect(paused.pending).toMatchObject([{ path: "refund/decide", kind: "tool", reason: "approval-required", toolName: "refund_order", toolInput: { orderId: "1042", cents: 24_900 } }]);
      expect(readFileSync(shop.ledger, "utf8")).toBe(`lookup 1042 (process ${process.pid})\n`);
      expect(emulator.requests).toHaveLength(1);

      const child = await runChild(["--resume", stateFile, "--ledger", shop.ledger], emulator.environment);
      expect(child.stderr).not.toMatch(/Error/);
      expect(child.code).toBe(0);
      const resumed = JSON.parse(child.stdout) as { status: string; output: string; runId: string };
      expect(resumed).toEqual({ status: "complete", output: "Done: $249.00 is on its way back to your card.", runId: paused.runId });

      // The lookup ran once, in the first process; the refund once, in the new one.
      const ledger = readFileSync(shop.ledger, "utf8").trim().split("\n");
      expect(ledger).toHaveLength(2);
      expect(ledger[0]).toBe(`lookup 1042 (process ${process.pid})`);
      expect(ledger[1]).toMatch(/^refund 1042 24900 \(process (\d+)\)$/);
      expect(ledger[1]).not.toContain(`(process ${process.pid})`);
      // The new process made one model call, continuing the restored conversation.
      expect(emulator.requests).toHaveLength(2);
      const roles = (emulator.requests[1]?.body as { messages: Array<{ role: string }> }).messages.map((message) => message.role);
      expect(roles).toEqual(["user", "assistant", "user"]);
    } finally {
      await emulator.close();
    }
  }, 60_000);
});
