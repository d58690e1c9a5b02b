import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AbortError, ToolExecutionError } from "@sluice/core";
import { McpServerClosedError, McpToolset } from "../src/index.js";
import { useEmulator } from "./fixtures/emulator.js";
import { startHttpTestServer } from "./fixtures/http-server.js";
import { stdioTestServer } from "./fixtures/servers.js";

const bedrock = useEmulator();

describe("an agent using an SDK-built MCP server", () => {
  let http: Awaited<ReturnType<typeof startHttpTestServer>>;
  beforeAll(async () => {
    http = await startHttpTestServer();
  });
  afterAll(async () => {
    await http.close();
  });

  for (const transport of ["stdio", "http"] as const) {
    it(`calls a tool over ${transport} and sends its real result to the model`, async () => {
      await using mcp = await McpToolset.connect(transport === "stdio" ? stdioTestServer() : { url: http.url });
      const agent = bedrock.agent({ tools: mcp.tools(), middleware: [mcp.middleware] });
      bedrock.emulator.enqueue([{ toolCalls: [{ name: "weather_lookup", input: { city: "Lisbon" } }] }, { text: "It is sunny." }]);
      const result = await agent.send("Weather in Lisbon?");
      expect(result.text).toBe("It is sunny.");
      // Bedrock got the sanitised name and the server's own schema.
      const spec = bedrock.body(0).toolConfig?.tools.find((tool) => tool.toolSpec?.name === "weather_lookup")?.toolSpec;
      expect(spec?.description).toBe("Weather for a city");
      expect(spec?.inputSchema.json).toMatchObject({ type: "object", properties: { city: { type: "string", description: "City name" } }, required: ["city"] });
      expect(spec?.inputSchema.json).not.toHaveProperty("$schema");
      expect(bedrock.toolResults(1)).toEqual([{ toolUseId: expect.any(String), status: "success", content: [{ text: "Sunny in Lisbon" }] }]);
    });
  }

  it("tells two servers' tools of the same name apart with the server's name", async () => {
    await using mcp = await McpToolset.connect([stdioTestServer({ name: "local" }), { url: http.url, name: "remote" }]);
    const names = mcp.tools().map((tool) => tool.name);
    expect(names).toContain("local_add");
    expect(names).toContain("remote_add");
    const agent = bedrock.agent({ tools: mcp.tools() });
    bedrock.emulator.enqueue([
      { toolCalls: [{ name: "local_add", input: { a: 1, b: 2 } }, { name: "remote_add", input: { a: 3, b: 4 } }] },
      { text: "Done." },
    ]);
    await agent.send("Add on both.");
    expect(bedrock.toolResults(1).map((result) => result.content)).toEqual([[{ text: "1 + 2 = 3" }], [{ text: "3 + 4 = 7" }]]);
  });

  it("numbers two servers that introduce themselves by the same name", async () => {
    await using mcp = await McpToolset.connect([stdioTestServer(), { url: http.url }]);
    const names = mcp.tools().map((tool) => tool.name);
    expect(names).toContain("sluice-test-server_add");
    expect(names).toContain("sluice-test-server-2_add");
    expect(mcp.tool("sluice-test-server-2_add")?.metadata.mcp).toEqual({ server: "sluice-test-server-2", tool: "add" });
  });

  it("picks up tools the server adds and removes while the agent lives", async () => {
    await using mcp = await McpToolset.connect(stdioTestServer());
    const agent = bedrock.agent({ tools: mcp.tools(), middleware: [mcp.middleware] });
    expect(bedrock.emulator.requests).toHaveLength(0);

    const added = new Promise((resolve) => mcp.onToolsChanged(resolve));
    bedrock.emulator.enqueue([{ toolCalls: [{ name: "add_tool" }] }, { text: "Added." }]);
    await agent.send("Add the greeting tool.");
    await added;
    expect(bedrock.toolNames(0)).not.toContain("greet");

    bedrock.emulator.enqueue([{ toolCalls: [{ name: "greet", input: { name: "Ada" } }] }, { text: "Greeted." }]);
    await agent.send("Greet Ada.");
    expect(bedrock.toolNames(2)).toContain("greet");
    expect(bedrock.toolResults(3)[0]).toMatchObject({ status: "success", content: [{ text: "Hello, Ada!" }] });

    const removed = new Promise((resolve) => mcp.onToolsChanged(resolve));
    bedrock.emulator.enqueue([{ toolCalls: [{ name: "remove_tool" }] }, { text: "Removed." }]);
    await agent.send("Remove the weather tool.");
    await removed;
    await agent.send("Anything else?");
    expect(bedrock.toolNames(-1)).not.toContain("weather_lookup");
    expect(bedrock.toolNames(-1)).toContain("greet");
  });

  it("answers the model with an error result when the server dies mid-call, and the conversation stays valid", async () => {
    await using mcp = await McpToolset.connect(stdioTestServer());
    const agent = bedrock.agent({ tools: mcp.tools() });
    bedrock.emulator.enqueue([{ toolCalls: [{ name: "crash" }] }, { text: "The tool crashed." }]);
    const result = await agent.send("Crash it.");
    expect(result.text).toBe("The tool crashed.");
    const [crashed] = bedrock.toolResults(1);
    expect(crashed?.status).toBe("error");
    expect(crashed?.content[0]?.text).toMatch(/McpServerClosedError: The MCP server "sluice-test-server" closed the connection/);
    // The next turn is accepted by the emulator's validation; the dead server's tools fail as error results.
    bedrock.emulator.enqueue([{ toolCalls: [{ name: "add", input: { a: 1, b: 1 } }] }, { text: "Still down." }]);
    await agent.send("Try adding.");
    expect(bedrock.toolResults(-1)[0]?.content[0]?.text).toMatch(/is no longer running/);
  });

  it("fails the run with a typed error under toolErrors: throw, rolling the turn back", async () => {
    await using mcp = await McpToolset.connect(stdioTestServer());
    const agent = bedrock.agent({ tools: mcp.tools(), toolErrors: "throw" });
    bedrock.emulator.enqueue([{ toolCalls: [{ name: "crash" }] }]);
    const error = await agent.send("Crash it.").catch((caught: unknown) => caught);
    expect(ToolExecutionError.isInstance(error)).toBe(true);
    expect(McpServerClosedError.isInstance((error as Error).cause)).toBe(true);
    expect(agent.conversation.length).toBe(0);
  });

  it("cancels a running MCP call when the run is aborted", async () => {
    await using mcp = await McpToolset.connect(stdioTestServer());
    const agent = bedrock.agent({ tools: mcp.tools() });
    bedrock.emulator.enqueue([{ toolCalls: [{ name: "slow" }] }]);
    const controller = new AbortController();
    const started = new Promise<void>((resolve) => agent.on("tool-use-complete", () => resolve()));
    const pending = agent.send("Be slow.", { signal: controller.signal });
    await started;
    controller.abort();
    await expect(pending).rejects.toSatisfy(AbortError.isInstance);
    expect(agent.conversation.length).toBe(0);
    // The server is still there for the next call.
    expect((await mcp.clients[0]!.callTool("add", { a: 2, b: 2 })).content).toEqual([{ text: "2 + 2 = 4" }]);
  });

  it("stops the server process when the toolset is disposed", async () => {
    let pid: number | undefined;
    {
      await using mcp = await McpToolset.connect(stdioTestServer());
      pid = mcp.clients[0]?.pid;
      expect(isRunning(pid)).toBe(true);
    }
    expect(isRunning(pid)).toBe(false);
  });
});

function isRunning(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
