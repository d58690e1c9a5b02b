import { spawn } from "node:child_process";
import { createBedrockClient, Agent } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { nodeArgs, packageRoot } from "./fixtures/run-cli.js";

describe("sluice emulator", () => {
  it("serves Bedrock on the port it prints until SIGTERM", async () => {
    const child = spawn(process.execPath, [...nodeArgs, "emulator", "--port", "0", "--chunk-size", "3"], { cwd: packageRoot, stdio: ["ignore", "pipe", "pipe"] });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let printed = "";
        child.stdout.on("data", (chunk: Buffer) => {
          printed += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(printed);
          if (match?.[1]) resolve(match[1]);
        });
        child.once("exit", (code) => reject(new Error(`sluice emulator exited with ${code}`)));
      });
      const agent = new Agent({
        modelId: "amazon.nova-lite-v1:0",
        client: createBedrockClient({ endpoint: url, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } }),
      });
      expect((await agent.send("ping")).text).toBe("You said: ping");
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("refuses a bad option with a message", async () => {
    const child = spawn(process.execPath, [...nodeArgs, "emulator", "--port", "-1"], { cwd: packageRoot, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/--port <number>.*expected a number ≥ 0, got "-1"/);
  });
});
