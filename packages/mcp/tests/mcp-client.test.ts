import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AbortError } from "@sluice/core";
import { McpClient, McpConnectionError, McpRequestError, McpServerClosedError } from "../src/index.js";
import { startHttpTestServer } from "./fixtures/http-server.js";
import { stdioTestServer } from "./fixtures/servers.js";
import { pixelPng } from "./fixtures/test-server.js";

describe("McpClient over stdio", () => {
  let client: McpClient;
  beforeAll(async () => {
    client = await McpClient.connect(stdioTestServer());
  });
  afterAll(async () => {
    await client.close();
  });

  it("completes the handshake and lists the server's tools", () => {
    expect(client.name).toBe("sluice-test-server");
    expect(client.serverInfo).toMatchObject({ name: "sluice-test-server", version: "1.0.0" });
    expect(client.tools.map((tool) => tool.name)).toEqual(
      expect.arrayContaining(["add", "weather.lookup", "pixel", "report", "forecast", "fail", "slow", "crash", "add_tool", "remove_tool"]),
    );
  });

  it("turns text results into text blocks", async () => {
    expect(await client.callTool("add", { a: 2, b: 3 })).toEqual({ content: [{ text: "2 + 3 = 5" }], status: "success" });
  });

  it("turns images into image blocks and says what Bedrock cannot carry", async () => {
    const output = await client.callTool("pixel", {});
    expect(output.content[0]).toEqual({ text: "Here is the pixel:" });
    expect(output.content[1]?.image?.format).toBe("png");
    expect(Buffer.from(output.content[1]?.image?.source?.bytes ?? []).toString("base64")).toBe(pixelPng);
    expect(output.content[2]?.text).toMatch(/audio \(audio\/wav\) left out/);
  });

  it("turns embedded resources into text and document blocks, and links into text", async () => {
    const { content } = await client.callTool("report", {});
    expect(content[0]).toEqual({ text: "[resource file:///reports/summary.txt (text/plain)]\nAll systems nominal." });
    expect(content[1]?.document).toMatchObject({ format: "pdf", name: "q3 report v2" });
    expect(Buffer.from(content[1]?.document?.source?.bytes ?? []).toString()).toBe("%PDF-1.4");
    expect(content[2]).toEqual({ text: "[resource link archive file:///reports/archive.zip (application/zip)]" });
  });

  it("passes structured content as a JSON block without its text copy", async () => {
    expect(await client.callTool("forecast", { city: "Lisbon" })).toEqual({ content: [{ json: { city: "Lisbon", celsius: 21 } }], status: "success" });
  });

  it("marks isError results as error results", async () => {
    expect(await client.callTool("fail", {})).toEqual({ content: [{ text: "The database is offline." }], status: "error" });
  });

  it("reports invalid arguments as the server answers them", async () => {
    const output = await client.callTool("add", { a: "two" });
    // The SDK's McpServer answers validation failures as an isError result naming the field.
    expect(output.status).toBe("error");
    expect(output.content[0]?.text).toMatch(/a/);
  });

  it("cancels a call when its signal aborts", async () => {
    const controller = new AbortController();
    const pending = client.callTool("slow", {}, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toSatisfy(AbortError.isInstance);
    // The connection is still usable afterwards.
    expect((await client.callTool("add", { a: 1, b: 1 })).content).toEqual([{ text: "1 + 1 = 2" }]);
  });

  it("gives up on a call after its timeout with a typed error", async () => {
    const error = await client.callTool("slow", {}, { timeoutMs: 50 }).catch((caught: unknown) => caught);
    expect(McpRequestError.isInstance(error)).toBe(true);
    expect((error as McpRequestError).timedOut).toBe(true);
  });
});

describe("McpClient failures", () => {
  it("throws McpConnectionError when the command does not exist", async () => {
    const error = await McpClient.connect({ command: "sluice-no-such-mcp-server" }).catch((caught: unknown) => caught);
    expect(McpConnectionError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/was not found/);
  });

  it("throws McpConnectionError with the server's output when it exits before the handshake", async () => {
    const error = await McpClient.connect({ command: process.execPath, args: ["-e", "console.error('missing API key'); process.exit(2)"] }).catch(
      (caught: unknown) => caught,
    );
    expect(McpConnectionError.isInstance(error)).toBe(true);
    expect((error as McpConnectionError).stderr).toContain("missing API key");
    expect((error as Error).message).toContain("missing API key");
  });

  it("throws McpServerClosedError when the server dies mid-call, and for every later call", async () => {
    const client = await McpClient.connect(stdioTestServer());
    try {
      const error = await client.callTool("crash", {}).catch((caught: unknown) => caught);
      expect(McpServerClosedError.isInstance(error)).toBe(true);
      expect((error as McpServerClosedError).stderr).toContain("about to crash");
      expect(client.closed).toBe(true);
      await expect(client.callTool("add", { a: 1, b: 2 })).rejects.toSatisfy(McpServerClosedError.isInstance);
    } finally {
      await client.close();
    }
  });

  it("refuses configurations without exactly one of command and url", async () => {
    await expect(McpClient.connect({} as never)).rejects.toThrow(/exactly one of command/);
    await expect(McpClient.connect({ url: "ftp://example.com" })).rejects.toThrow(/not an http/);
  });

  it("throws McpConnectionError when nothing listens at the URL", async () => {
    const error = await McpClient.connect({ url: "http://127.0.0.1:9/mcp" }).catch((caught: unknown) => caught);
    expect(McpConnectionError.isInstance(error)).toBe(true);
  });
});

describe("McpClient over streamable HTTP", () => {
  it("calls tools, ends its session on close, and reports a server that went away", async () => {
    const server = await startHttpTestServer();
    try {
      const client = await McpClient.connect({ url: server.url });
      expect(client.tools.map((tool) => tool.name)).toContain("add");
      expect(await client.callTool("add", { a: 20, b: 22 })).toEqual({ content: [{ text: "20 + 22 = 42" }], status: "success" });
      expect(server.sessions()).toBe(1);
      await client.close();
      expect(server.sessions()).toBe(0);

      const second = await McpClient.connect({ url: server.url, name: "remote" });
      const pending = second.callTool("slow", {});
      server.kill();
      const error = await pending.catch((caught: unknown) => caught);
      expect(McpServerClosedError.isInstance(error)).toBe(true);
      expect((error as McpServerClosedError).server).toBe("remote");
      await second.close();
    } finally {
      await server.close();
    }
  });
});
