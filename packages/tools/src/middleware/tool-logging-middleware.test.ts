import { Agent, type Logger } from "@sluice/core";
import { ScriptedModel } from "@sluice/core/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool } from "../define/define-tool.js";
import { toolLoggingMiddleware } from "./tool-logging-middleware.js";

function recordingLogger() {
  const records: Array<{ level: string; record: Record<string, unknown> }> = [];
  const write = (level: string) => (record: Record<string, unknown>) => void records.push({ level, record });
  const logger: Logger = { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
  return { logger, records };
}

const add = defineTool({ name: "add", description: "Adds", input: z.object({ a: z.number(), b: z.number() }), handler: ({ a, b }) => a + b });

describe("toolLoggingMiddleware", () => {
  it("logs start and finish of each call through the agent's logger, failures as warnings", async () => {
    const { logger, records } = recordingLogger();
    const model = new ScriptedModel([{ toolCalls: [{ name: "add", input: { a: 1, b: 2 } }, { name: "add", input: { a: "x" } }] }, "3"]);
    const agent = new Agent({ modelId: "test", model, tools: [add], logger, middleware: [toolLoggingMiddleware({ level: "info", includeInput: true })] });
    await agent.send("add");
    const tool = records.filter((entry) => String(entry.record["event"]).startsWith("tool-call"));
    // The two calls run in parallel, so their finish records may come in either order.
    const finishes = tool.filter((entry) => entry.record["event"] === "tool-call-finish");
    const byId = (id: unknown) => finishes.find((entry) => entry.record["toolUseId"] === id);
    expect(tool.slice(0, 2).map((entry) => [entry.level, entry.record["event"]])).toEqual([["info", "tool-call-start"], ["info", "tool-call-start"]]);
    expect(tool[0]?.record).toMatchObject({ tool: "add", step: 1, input: { a: 1, b: 2 } });
    expect(byId(tool[0]?.record["toolUseId"])).toMatchObject({ level: "info", record: { status: "success" } });
    expect(byId(tool[1]?.record["toolUseId"])).toMatchObject({ level: "warn", record: { status: "error", reason: "invalid-input" } });
    expect(typeof finishes[0]?.record["durationMs"]).toBe("number");
  });

  it("leaves inputs out by default and logs a call that ends the run", async () => {
    const { logger, records } = recordingLogger();
    const failing = defineTool({ name: "boom", description: "Fails", handler: () => { throw new Error("bang"); } });
    const model = new ScriptedModel([{ toolCalls: [{ name: "boom", input: { secret: "x" } }] }]);
    const agent = new Agent({ modelId: "test", model, tools: [failing], toolErrors: "throw", middleware: [toolLoggingMiddleware({ logger })] });
    await expect(agent.send("go")).rejects.toThrow(/bang/);
    expect(records.map((entry) => entry.record["event"])).toEqual(["tool-call-start", "tool-call-finish"]);
    expect(records[0]?.record).not.toHaveProperty("input");
  });
});
