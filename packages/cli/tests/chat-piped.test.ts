import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SluiceMcpServer } from "@sluice/mcp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getWeather } from "./fixtures/weather-tools.js";
import { everythingServer, fixture, runCli } from "./fixtures/run-cli.js";

// Each test starts its own `sluice` process; they run side by side.
describe.concurrent("sluice chat with piped input", () => {
  it("prints the answer and nothing else on stdout", async () => {
    const { code, stdout, stderr } = await runCli(["chat", "--emulator"], "What is Sluice?\n");
    expect(stderr).toBe("");
    expect(stdout).toBe("You said: What is Sluice?\n");
    expect(code).toBe(0);
  });

  it("runs tools from a TypeScript module, showing the calls on stderr", async () => {
    const { code, stdout, stderr } = await runCli(["chat", "--emulator", "--tools", fixture("weather-tools.ts")], "use get_weather please");
    expect(code).toBe(0);
    expect(stdout).toBe('Calling get_weather.\nTool results: get_weather: {"city":"example","forecast":"mild"}\n');
    expect(stderr).toBe('→ get_weather {"city":"example"}\n← get_weather: {"city":"example","forecast":"mild"}\n');
  });

  it("answers through InvokeModel with --api invoke", async () => {
    const { code, stdout } = await runCli(["chat", "--emulator", "--api", "invoke"], "over invoke");
    expect(code).toBe(0);
    expect(stdout).toBe("You said: over invoke\n");
  });

  it("follows an --emulator-script", async () => {
    const { stdout } = await runCli(["chat", "--emulator-script", fixture("story-script.json")], "tell me a story");
    expect(stdout).toMatch(/^Once upon a time there was a river/);
  });

  it("keeps the conversation in a --session file between runs", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "sluice-chat-")), "session.json");
    await runCli(["chat", "--emulator", "--session", file, "--system", "Be brief."], "first question");
    const { stdout } = await runCli(["chat", "--emulator", "--session", file], "second question");
    expect(stdout).toBe("You said: second question\n");
    const saved = JSON.parse(readFileSync(file, "utf8")) as { format: string; conversation: { messages: Array<{ content: Array<{ text: string }> }>; system: unknown } };
    expect(saved.format).toBe("sluice.agent");
    expect(saved.conversation.messages.map((message) => message.content[0]?.text)).toEqual([
      "first question",
      "You said: first question",
      "second question",
      "You said: second question",
    ]);
    expect(saved.conversation.system).toEqual([{ text: "Be brief." }]);
  });

  it("uses tools of an MCP server started with --mcp", async () => {
    const { code, stdout, stderr } = await runCli(["chat", "--emulator", "--mcp", `node ${everythingServer} stdio`], "use get-sum");
    expect(code).toBe(0);
    expect(stderr).toContain("← get-sum: The sum of 1 and 1 is 2.");
    expect(stdout).toContain("Tool results: get-sum: The sum of 1 and 1 is 2.");
  });

  describe("with an MCP server reached by --mcp-url", () => {
    let server: SluiceMcpServer;
    let url: string;
    beforeAll(async () => {
      server = new SluiceMcpServer({ name: "weather", tools: [getWeather] });
      url = (await server.serveHttp()).url;
    });
    afterAll(async () => {
      await server.close();
    });

    it("calls the remote tool", async () => {
      const { code, stdout } = await runCli(["chat", "--emulator", "--mcp-url", url], "what does get_weather say?");
      expect(code).toBe(0);
      expect(stdout).toContain('Tool results: get_weather: {"city":"example","forecast":"mild"}');
    });
  });

  it("fails with a clear message for bad input", async () => {
    const missing = await runCli(["chat", "--emulator", "--tools", "no-such-tools.ts"], "hi");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/--tools no-such-tools\.ts: no such file/);
    const empty = await runCli(["chat", "--emulator"], "  \n");
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/nothing to send/);
    const notSnapshot = join(mkdtempSync(join(tmpdir(), "sluice-chat-")), "bad.json");
    writeFileSync(notSnapshot, "{}");
    const badSession = await runCli(["chat", "--emulator", "--session", notSnapshot], "hi");
    expect(badSession.code).toBe(1);
    expect(badSession.stderr).toMatch(/is not a Sluice agent snapshot/);
  });
});
