import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function startCli(args: string[]): { child: ChildProcess; firstLine: Promise<string>; exit: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=development", "src/cli.ts", ...args], {
    cwd: packageRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const firstLine = new Promise<string>((resolve, reject) => {
    let buffered = "";
    child.stdout?.on("data", (chunk) => {
      buffered += chunk;
      const newline = buffered.indexOf("\n");
      if (newline >= 0) resolve(buffered.slice(0, newline));
    });
    child.once("exit", () => reject(new Error(`exited before printing its URL: ${stderr}`)));
  });
  // Tests that expect a failure never read the URL; keep that rejection from going unhandled.
  firstLine.catch(() => undefined);
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, firstLine, exit, stderr: () => stderr };
}

describe("sluice-emulator CLI", () => {
  it("prints its URL once ready, serves the script file, and exits cleanly on SIGTERM", async () => {
    const directory = await mkdtemp(path.join(tmpdir(), "sluice-cli-"));
    const script = path.join(directory, "script.json");
    await writeFile(script, JSON.stringify({ turns: [{ text: "scripted from the CLI" }] }));
    const cli = startCli(["--port", "0", "--script", script]);
    const line = await cli.firstLine;
    const match = /^Sluice Bedrock emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
    expect(match).not.toBeNull();
    const response = await fetch(`${match?.[1]}/model/amazon.nova-micro-v1%3A0/converse`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ messages: [{ role: "user", content: [{ text: "hi" }] }] }),
    });
    const body = (await response.json()) as { output: { message: { content: unknown } } };
    expect(body.output.message.content).toEqual([{ text: "scripted from the CLI" }]);
    cli.child.kill("SIGTERM");
    expect(await cli.exit).toBe(0);
  }, 20_000);

  it("exits on SIGINT too", async () => {
    const cli = startCli(["--port", "0"]);
    await cli.firstLine;
    cli.child.kill("SIGINT");
    expect(await cli.exit).toBe(0);
  }, 20_000);

  it("refuses a bad option with a message and the usage", async () => {
    const cli = startCli(["--port=many"]);
    expect(await cli.exit).toBe(1);
    expect(cli.stderr()).toContain("--port must be a number ≥ 0, got \"many\"");
    expect(cli.stderr()).toContain("Usage: sluice-emulator");
  }, 20_000);
});
