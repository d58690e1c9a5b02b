import { Agent, consoleLogger, type AgentTool, type Logger } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { loggingMiddleware } from "../src/index.js";
import { modelId, useEmulator } from "./emulator-fixture.js";

const local = useEmulator();

type Line = { level: string; record: Record<string, unknown>; message: string | undefined };
function memoryLogger(): Logger & { lines: Line[] } {
  const lines: Line[] = [];
  const at = (level: string) => (record: Record<string, unknown>, message?: string) => lines.push({ level, record, message });
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

const weather: AgentTool = {
  name: "weather",
  description: "Current weather",
  inputSchema: { type: "object", properties: { city: { type: "string" } } },
  invoke: async (input) => ({ content: [{ json: { city: (input as { city: string }).city, sky: "clear" } }] }),
};

describe("loggingMiddleware over HTTP", () => {
  it("writes one record per model call and tool call with model ID, latency, stop reason and usage", async () => {
    const logger = memoryLogger();
    const agent = new Agent({ modelId, client: local.client(), tools: [weather], middleware: [loggingMiddleware({ logger })] });
    local.emulator.enqueue([{ toolCalls: [{ name: "weather", input: { city: "Lyon" } }] }, { text: "Clear skies in Lyon." }]);
    await agent.send("Weather in Lyon?");
    expect(logger.lines.map((line) => [line.level, line.record["event"], line.message])).toEqual([
      ["info", "model-call", "model call finished"],
      ["info", "tool-call", "tool call finished"],
      ["info", "model-call", "model call finished"],
    ]);
    const [firstCall, toolCall, lastCall] = logger.lines.map((line) => line.record);
    expect(firstCall).toMatchObject({ modelId, step: 1, streaming: false, stopReason: "tool_use" });
    expect(typeof firstCall?.["runId"]).toBe("string");
    expect(toolCall?.["runId"]).toBe(firstCall?.["runId"]);
    expect(firstCall?.["latencyMs"]).toBeGreaterThan(0);
    expect((lastCall?.["usage"] as { totalTokens: number }).totalTokens).toBeGreaterThan(0);
    expect(toolCall).toMatchObject({ tool: "weather", step: 1, status: "success" });
    expect(JSON.stringify(logger.lines)).not.toContain("Lyon"); // content is left out by default
  });

  it("logs failures with the Bedrock error name, HTTP status and request ID, and respects the level", async () => {
    const logger = memoryLogger();
    const agent = new Agent({ modelId, client: local.client(), middleware: [loggingMiddleware({ logger, level: "error" })] });
    await agent.send("fine");
    expect(logger.lines).toHaveLength(0);
    local.emulator.injectFault({ firstCalls: 1, effect: { type: "error", exception: "ThrottlingException" } });
    await agent.send("throttled").catch(() => undefined);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]?.record["error"]).toMatchObject({
      name: "BedrockError",
      errorName: "ThrottlingException",
      httpStatus: 429,
      requestId: local.emulator.requests.at(-1)?.requestId,
      isRetryable: true,
    });
  });

  it("keeps secrets out of every log line, even with content included at debug level", async () => {
    const lines: string[] = [];
    const capture = { debug: (line: string) => lines.push(line), info: (line: string) => lines.push(line), warn: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
    const secrets = ["AKIASLUICETEST000001", "sluice-secret-access-key", "hunter2", "sk-partner-0042", "eyJhbGciOiJIUzI1NiJ9", "4111111111111111"];
    const vault: AgentTool = {
      name: "vault",
      description: "Opens the vault",
      inputSchema: { type: "object" },
      invoke: async () => {
        throw new Error("vault refused Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.body.sig via postgres://admin:hunter2@vault.internal/db");
      },
    };
    const agent = new Agent({
      modelId,
      client: local.client({ credentials: { accessKeyId: "AKIASLUICETEST000001", secretAccessKey: "sluice-secret-access-key" } }),
      tools: [vault],
      middleware: [loggingMiddleware({ logger: consoleLogger(capture), level: "debug", content: "include", redact: { paths: ["card.number"], values: ["sk-partner-0042"] } })],
    });
    local.emulator.enqueue([
      { toolCalls: [{ name: "vault", input: { apiKey: "sk-partner-0042", password: "hunter2", card: { number: "4111111111111111", holder: "Ada Lovelace" } } }] },
      { text: "The vault is closed." },
    ]);
    await agent.send("Open the vault in Geneva. My key is AKIASLUICETEST000001 and the partner key is sk-partner-0042.");
    local.emulator.injectFault({ firstCalls: 1, effect: { type: "error", exception: "AccessDeniedException" } });
    await agent.send("Try again please.").catch(() => undefined);

    expect(lines.length).toBeGreaterThanOrEqual(6);
    for (const line of lines) for (const secret of secrets) expect(line, line).not.toContain(secret);
    const all = lines.join("\n");
    expect(all).toContain("Geneva"); // content is there, only the secrets are gone
    expect(all).toContain("Ada Lovelace");
    expect(all).toContain("AccessDeniedException");
    expect(all).toContain("[REDACTED]");
  });

  it("keeps the shape of the content but not its text in redact mode", async () => {
    const logger = memoryLogger();
    const agent = new Agent({ modelId, client: local.client(), tools: [weather], middleware: [loggingMiddleware({ logger, content: "redact" })] });
    local.emulator.enqueue([{ toolCalls: [{ name: "weather", input: { city: "Oslo" } }] }, { text: "Cold in Oslo." }]);
    await agent.send("Weather in Oslo?");
    const text = JSON.stringify(logger.lines);
    expect(text).not.toContain("Oslo");
    expect(text).toContain("[redacted: 16 chars]");
    expect(text).toContain('"name":"weather"');
    expect(text).toContain('"role":"user"');
  });

  it("writes to the agent's own logger when given none", async () => {
    const logger = memoryLogger();
    const agent = new Agent({ modelId, client: local.client(), logger, middleware: [loggingMiddleware()] });
    await agent.send("hello");
    // The agent writes its own records there too; ours carry an `event`.
    expect(logger.lines.map((line) => line.record["event"]).filter(Boolean)).toEqual(["model-call"]);
  });
});
