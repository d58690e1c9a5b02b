import { request } from "node:http";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { McpError, ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { startEmulator, type Emulator } from "@sluice/emulator";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { McpHttpEndpoint, SluiceMcpServer } from "../src/index.js";
import { buildSluiceServer, getWeather } from "./fixtures/sluice-tools.js";

describe("Sluice's MCP server called by the SDK's client", () => {
  let emulator: Emulator;
  let server: SluiceMcpServer;
  let endpoint: McpHttpEndpoint;
  beforeAll(async () => {
    emulator = await startEmulator({
      script: { rules: [{ match: { text: "Paris" }, reply: { toolCalls: [{ name: "get_weather", input: { city: "Paris" } }] } }] },
    });
    server = buildSluiceServer(emulator.url);
    endpoint = await server.serveHttp();
  });
  afterAll(async () => {
    await server.close();
    await emulator.close();
  });

  const connect = async (transport: "http" | "stdio"): Promise<Client> => {
    const client = new Client({ name: "sdk-test-client", version: "1.0.0" });
    await client.connect(
      transport === "http"
        ? new StreamableHTTPClientTransport(new URL(endpoint.url))
        : new StdioClientTransport({
            command: process.execPath,
            args: ["--conditions=development", "--import", "tsx", fileURLToPath(new URL("./fixtures/sluice-stdio-server.ts", import.meta.url))],
            cwd: fileURLToPath(new URL("..", import.meta.url)),
            stderr: "pipe",
          }),
    );
    return client;
  };

  for (const transport of ["http", "stdio"] as const) {
    describe(`over ${transport}`, () => {
      let client: Client;
      beforeAll(async () => {
        client = await connect(transport);
      });
      afterAll(async () => {
        await client.close();
      });

      it("introduces itself and lists the tools with their schemas", async () => {
        expect(client.getServerVersion()).toMatchObject({ name: "sluice-weather", version: "2.0.0" });
        expect(client.getInstructions()).toBe("Use get_weather for weather.");
        const { tools } = await client.listTools();
        expect(tools.map((tool) => tool.name)).toEqual(["get_weather", "forecast", "wait", "assistant"]);
        expect(tools[0]?.inputSchema).toEqual(getWeather.inputSchema);
        expect(tools[1]).toMatchObject({ title: "Forecast", annotations: { readOnlyHint: true }, outputSchema: { type: "object" } });
      });

      it("calls a tool and returns its output", async () => {
        const result = await client.callTool({ name: "get_weather", arguments: { city: "Oslo" } });
        expect(result).toEqual({ content: [{ type: "text", text: '{"city":"Oslo","temperature":21,"unit":"c"}' }] });
      });

      it("returns structured content for a tool with an output schema (validated by the SDK's client)", async () => {
        const result = await client.callTool({ name: "forecast", arguments: { city: "Rome" } });
        expect(result.structuredContent).toEqual({ city: "Rome", celsius: 19, rain: true });
      });

      it("answers tool failures and invalid input with isError results", async () => {
        expect(await client.callTool({ name: "get_weather", arguments: { city: "Atlantis" } })).toEqual({
          content: [{ type: "text", text: "No weather data for Atlantis." }],
          isError: true,
        });
        const invalid = await client.callTool({ name: "get_weather", arguments: { town: "Oslo" } });
        expect(invalid.isError).toBe(true);
        expect((invalid.content as Array<{ text: string }>)[0]?.text).toMatch(/^Invalid input for get_weather: .*city/);
      });

      it("refuses an unknown tool with a protocol error", async () => {
        await expect(client.callTool({ name: "nope", arguments: {} })).rejects.toBeInstanceOf(McpError);
      });

      it("runs an agent as a tool and reports its steps as progress", async () => {
        // The second model call waits 200 ms, so step 1's notification has long been sent when
        // the result comes. The last step's notification is written just before the result, and the
        // SDK's client handles a notification a microtask after a response that came in the same
        // read, having already forgotten the call's progress handler: it may be dropped.
        const slowSecondCall = emulator.injectFault({ everyNth: 2, times: 1, effect: { type: "latency", delayMs: 200 } });
        const progress: Array<{ progress: number; message?: string }> = [];
        try {
          const result = await client.callTool({ name: "assistant", arguments: { message: "Weather in Paris?" } }, undefined, {
            onprogress: (update) => progress.push({ progress: update.progress, ...(update.message !== undefined && { message: update.message }) }),
          });
          // The agent called get_weather and the echo model summarised the tool result.
          expect(result.content).toEqual([{ type: "text", text: 'Tool results: get_weather: {"city":"Paris","temperature":21,"unit":"c"}' }]);
        } finally {
          emulator.removeFault(slowSecondCall);
        }
        const expected = [
          { progress: 1, message: "step 1 finished (tool_use)" },
          { progress: 2, message: "step 2 finished (end_turn)" },
        ];
        expect(progress[0]).toEqual(expected[0]);
        expect(progress).toEqual(expected.slice(0, progress.length));
      });

      it("cancels a running tool when the client cancels", async () => {
        const controller = new AbortController();
        const pending = client.callTool({ name: "wait", arguments: {} }, undefined, { signal: controller.signal });
        setImmediate(() => controller.abort("no longer needed"));
        await expect(pending).rejects.toThrow(/no longer needed/);
        expect((await client.callTool({ name: "get_weather", arguments: { city: "Oslo" } })).isError).toBeUndefined();
      });
    });
  }

  it("tells connected clients when the tool list changes", async () => {
    const client = await connect("http");
    try {
      let notified = false;
      client.setNotificationHandler(ToolListChangedNotificationSchema, () => void (notified = true));
      const before = server.tools;
      // Notifications travel on the client's GET stream, which it opens just after the handshake; retry until it is there.
      await vi.waitFor(
        () => {
          if (notified) return;
          server.setTools([getWeather]);
          throw new Error("no notification yet");
        },
        { timeout: 10_000, interval: 50 },
      );
      expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(["get_weather"]);
      server.setTools(before);
    } finally {
      await client.close();
    }
  });

  it("ends HTTP sessions when clients leave, and refuses requests for other hosts", async () => {
    const client = await connect("http");
    const transport = (client as unknown as { transport: StreamableHTTPClientTransport }).transport;
    expect(endpoint.sessionCount).toBeGreaterThan(0);
    const sessions = endpoint.sessionCount;
    await transport.terminateSession();
    await client.close();
    expect(endpoint.sessionCount).toBe(sessions - 1);

    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "x", version: "1" } } });
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const sent = request(endpoint.url, {
        method: "POST",
        headers: { host: "evil.example", "content-type": "application/json", accept: "application/json, text/event-stream" },
      });
      sent.on("response", (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      sent.on("error", reject);
      sent.end(body);
    });
    expect(status).toBe(403);
  });
});
