import { writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EmulatorConfigurationError, startEmulator } from "../src/index.js";
import type { Emulator } from "../src/index.js";
import { bedrockClient, userText } from "./helpers/clients.js";

const claude = "anthropic.claude-3-5-haiku-20241022-v1:0";
const nova = "amazon.nova-lite-v1:0";
const tools = { tools: [{ toolSpec: { name: "get_weather", inputSchema: { json: { type: "object" } } } }] };

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => emulator.reset());

async function ask(text: string, modelId = claude) {
  const client = bedrockClient(emulator);
  try {
    return await client.send(new ConverseCommand({ modelId, messages: [userText(text)], toolConfig: tools }));
  } finally {
    client.destroy();
  }
}

describe("scripted model", () => {
  it("answers queued turns in order, then falls back to echo", async () => {
    emulator.enqueue([{ text: "first" }, { text: "second" }]);
    expect((await ask("a")).output?.message?.content).toEqual([{ text: "first" }]);
    expect((await ask("b")).output?.message?.content).toEqual([{ text: "second" }]);
    expect((await ask("c")).output?.message?.content).toEqual([{ text: "You said: c" }]);
  });

  it("keeps per-model queues apart from the global one (profiles match the base ID)", async () => {
    emulator.enqueue({ text: "for nova" }, nova);
    emulator.enqueue({ text: "for anyone" });
    expect((await ask("x", claude)).output?.message?.content).toEqual([{ text: "for anyone" }]);
    expect((await ask("x", `us.${nova}`)).output?.message?.content).toEqual([{ text: "for nova" }]);
    expect(emulator.pendingTurns()).toBe(0);
  });

  it("generates tooluse_ ids and sets stopReason tool_use for tool calls", async () => {
    emulator.enqueue({ toolCalls: [{ name: "get_weather", input: { city: "Oslo" } }] });
    const response = await ask("weather");
    const toolUse = response.output?.message?.content?.[0]?.toolUse;
    expect(toolUse?.toolUseId).toMatch(/^tooluse_[A-Za-z0-9_-]{22}$/);
    expect(toolUse?.input).toEqual({ city: "Oslo" });
    expect(response.stopReason).toBe("tool_use");
  });

  it("matches rules by substring, regex and tool result, with a limit on times", async () => {
    emulator.addRule({ match: { text: "weather" }, reply: { toolCalls: [{ name: "get_weather", toolUseId: "tooluse_w" }] }, times: 1 });
    emulator.addRule({ match: { regex: /^hello/i }, reply: { text: "Hi there!" } });
    emulator.addRule({ match: { toolResult: { name: "get_weather", contains: "sunny" } }, reply: { text: "It is sunny." } });
    expect((await ask("Hello you")).output?.message?.content).toEqual([{ text: "Hi there!" }]);
    expect((await ask("the weather please")).stopReason).toBe("tool_use");
    expect((await ask("the weather please")).output?.message?.content).toEqual([{ text: "You said: the weather please" }]);
    const client = bedrockClient(emulator);
    const followUp = await client.send(
      new ConverseCommand({
        modelId: claude,
        toolConfig: tools,
        messages: [
          userText("weather"),
          { role: "assistant", content: [{ toolUse: { toolUseId: "tooluse_w", name: "get_weather", input: {} } }] },
          { role: "user", content: [{ toolResult: { toolUseId: "tooluse_w", content: [{ json: { sky: "sunny" } }] } }] },
        ],
      }),
    );
    expect(followUp.output?.message?.content).toEqual([{ text: "It is sunny." }]);
    client.destroy();
  });

  it("emits redacted reasoning and custom usage with only the cache counts the turn reports", async () => {
    emulator.enqueue({ reasoning: { redactedContent: "AAEC" }, text: "done", usage: { inputTokens: 10, outputTokens: 3, cacheReadInputTokens: 100 } });
    const response = await ask("think");
    expect(response.output?.message?.content?.[0]?.reasoningContent?.redactedContent).toEqual(new Uint8Array([0, 1, 2]));
    // As recorded from Claude Sonnet 5 / Opus 4.7: a read count without a write count.
    expect(response.usage).toEqual({ inputTokens: 10, outputTokens: 3, totalTokens: 113, cacheReadInputTokens: 100 });
    emulator.enqueue({ text: "done", usage: { inputTokens: 10, outputTokens: 3, cacheReadInputTokens: 100, cacheWriteInputTokens: 0 } });
    expect((await ask("again")).usage).toEqual({ inputTokens: 10, outputTokens: 3, totalTokens: 113, cacheReadInputTokens: 100, cacheWriteInputTokens: 0 });
  });

  it("loads a JSON script file with per-model scripts and restores it on reset", async () => {
    const directory = await mkdtemp(path.join(tmpdir(), "sluice-emulator-"));
    const file = path.join(directory, "script.json");
    await writeFile(
      file,
      JSON.stringify({ turns: [{ text: "from file" }], models: { [nova]: { rules: [{ match: { text: "ping" }, reply: { text: "pong" } }] } } }),
    );
    const scripted = await startEmulator({ scriptFile: file });
    try {
      const client = bedrockClient(scripted);
      const send = async (modelId: string, text: string) =>
        (await client.send(new ConverseCommand({ modelId, messages: [userText(text)] }))).output?.message?.content;
      expect(await send(claude, "x")).toEqual([{ text: "from file" }]);
      expect(await send(nova, "ping")).toEqual([{ text: "pong" }]);
      expect(await send(claude, "ping")).toEqual([{ text: "You said: ping" }]);
      scripted.reset();
      expect(await send(claude, "x")).toEqual([{ text: "from file" }]);
      client.destroy();
    } finally {
      await scripted.close();
    }
  });

  it("rejects a malformed script with a message naming the field", async () => {
    expect(() => emulator.script({ turns: [{ txt: "typo" } as never] })).toThrow(EmulatorConfigurationError);
    expect(() => emulator.script({ turns: [{ txt: "typo" } as never] })).toThrow('turns[0] has unknown key "txt"');
    await expect(startEmulator({ scriptFile: "/nonexistent/script.json" })).rejects.toThrow(/Cannot read script file/);
  });
});
