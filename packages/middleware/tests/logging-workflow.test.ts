import type { Logger } from "@sluice/core";
import { sequence, step, workflow } from "@sluice/workflows";
import { describe, expect, it } from "vitest";
import { loggingMiddleware } from "../src/index.js";

describe("loggingMiddleware's step hook", () => {
  it("writes one record per workflow step: done, paused, or failed with the error", async () => {
    const records: Array<{ level: string; record: Record<string, unknown>; message: string }> = [];
    const capture = (level: string) => (record: object, message?: string) => records.push({ level, record: record as Record<string, unknown>, message: message ?? "" });
    const logger: Logger = { debug: capture("debug"), info: capture("info"), warn: capture("warn"), error: capture("error") };
    const flow = workflow({
      name: "orders",
      steps: sequence(
        step({ name: "gate", run: (value: number, context) => (context.resumeValue === undefined ? context.pause("sign-off") : value) }),
        step({ name: "charge", run: (): number => { throw new Error("card declined"); } }),
      ),
      middleware: [loggingMiddleware({ logger })],
    });
    const paused = await flow.run(5);
    expect(records.map(({ level, record, message }) => [level, record["path"], record["status"], message])).toEqual([
      ["info", "orders/gate", "paused", "workflow step paused"],
      ["info", "orders", "paused", "workflow step paused"],
    ]);
    records.length = 0;
    await expect(flow.resume(paused.state, { "orders/gate": true })).rejects.toMatchObject({ path: "orders/charge" });
    expect(records.map(({ level, record }) => [level, record["path"], record["status"] ?? "failed"])).toEqual([
      ["info", "orders/gate", "done"],
      ["error", "orders/charge", "failed"],
      ["error", "orders", "failed"],
    ]);
    expect(records[1]?.record).toMatchObject({ event: "workflow-step", workflow: "orders", kind: "function", runId: paused.runId });
    expect(JSON.stringify(records[1]?.record["error"])).toContain("card declined");
  });
});
