import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { McpToolset, type McpServerConfig } from "../src/index.js";
import { useEmulator } from "./fixtures/emulator.js";

// The published reference server, installed as a devDependency and started as a real child process.
const everythingServer = createRequire(import.meta.url).resolve("@modelcontextprotocol/server-everything/dist/index.js");

const bedrock = useEmulator();

describe("an agent using @modelcontextprotocol/server-everything", () => {
  let httpServer: ChildProcess;
  let httpUrl: string;
  beforeAll(async () => {
    const port = await freePort();
    httpServer = spawn(process.execPath, [everythingServer, "streamableHttp"], { env: { ...process.env, PORT: String(port) }, stdio: ["ignore", "ignore", "pipe"] });
    await new Promise<void>((resolve, reject) => {
      let printed = "";
      httpServer.stderr?.on("data", (chunk: Buffer) => {
        printed += chunk.toString();
        if (printed.includes("listening on port")) resolve();
      });
      httpServer.once("exit", (code) => reject(new Error(`server-everything exited with ${code}: ${printed}`)));
    });
    httpUrl = `http://127.0.0.1:${port}/mcp`;
  });
  afterAll(() => {
    httpServer?.kill();
  });

  const transports: Array<[string, () => McpServerConfig]> = [
    ["stdio", () => ({ name: "everything", command: process.execPath, args: [everythingServer, "stdio"] })],
    ["streamable HTTP", () => ({ name: "everything", url: httpUrl })],
  ];

  for (const [transport, config] of transports) {
    it(`gets the server's real results to the model over ${transport}`, async () => {
      await using mcp = await McpToolset.connect(config());
      const names = mcp.tools().map((tool) => tool.name);
      expect(names).toEqual(expect.arrayContaining(["echo", "get-sum", "get-tiny-image", "get-structured-content"]));

      const agent = bedrock.agent({ tools: mcp.tools(), middleware: [mcp.middleware] });
      bedrock.emulator.enqueue([
        {
          toolCalls: [
            { name: "get-sum", input: { a: 2, b: 3 } },
            { name: "get-tiny-image", input: {} },
            { name: "get-structured-content", input: { location: "Chicago" } },
          ],
        },
        { text: "Done." },
      ]);
      const result = await agent.send("Add 2 and 3, show the logo, and the weather in Chicago.");
      expect(result.text).toBe("Done.");

      const spec = bedrock.body(0).toolConfig?.tools.find((tool) => tool.toolSpec?.name === "get-sum")?.toolSpec;
      expect(spec?.inputSchema.json).toMatchObject({ type: "object", properties: { a: { type: "number" }, b: { type: "number" } } });

      const [sum, image, weather] = bedrock.toolResults(1);
      expect(sum).toMatchObject({ status: "success", content: [{ text: "The sum of 2 and 3 is 5." }] });
      expect(image?.content.map((block) => Object.keys(block)[0])).toEqual(["text", "image", "text"]);
      expect(image?.content[1]).toMatchObject({ image: { format: "png", source: { bytes: expect.stringMatching(/^iVBORw0KGgo/) } } });
      expect(weather?.content).toEqual([{ json: { temperature: 36, conditions: "Light rain / drizzle", humidity: 82 } }]);
    });
  }
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
