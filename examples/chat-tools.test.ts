import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The `sluice` bin of the @sluice/cli dependency, run from its TypeScript sources (no build needed).
const sluiceBin = fileURLToPath(new URL("./node_modules/@sluice/cli/src/bin.ts", import.meta.url));

describe("chat tools example", () => {
  it("gives sluice chat its tools", async () => {
    const child = spawn(
      process.execPath,
      ["--conditions=development", "--import", "tsx", sluiceBin, "chat", "--emulator", "--tools", fileURLToPath(new URL("./chat-tools.ts", import.meta.url))],
      { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end("what does get_weather say?");
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    expect(stderr).toBe('→ get_weather {}\n← get_weather: {"city":"Lisbon","forecast":"21°C and sunny"}\n');
    expect(stdout).toBe('Calling get_weather.\nTool results: get_weather: {"city":"Lisbon","forecast":"21°C and sunny"}\n');
  }, 60_000);
});
