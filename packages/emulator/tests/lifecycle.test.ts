import { ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import { bedrockClient, userText } from "./helpers/clients.js";

/** Counts of active handles by kind, ignoring the ones vitest and this worker keep. */
function handleCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

describe("emulator lifecycle", () => {
  it("leaves no server, socket or timer behind after close, even with a delayed answer pending", async () => {
    const before = handleCounts();
    const emulator = await startEmulator();
    const http2Client = bedrockClient(emulator, "http2");
    const http1Client = bedrockClient(emulator, "http1");
    const input = { modelId: "amazon.nova-micro-v1:0", messages: [userText("hi")] };
    await http2Client.send(new ConverseCommand(input));
    await http1Client.send(new ConverseCommand(input));
    emulator.injectFault({ effect: { type: "latency", delayMs: 60_000 } });
    const pending = http1Client.send(new ConverseCommand(input)).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(emulator.connectionCount).toBeGreaterThan(0);
    await emulator.close();
    expect(emulator.listening).toBe(false);
    expect(emulator.connectionCount).toBe(0);
    expect(await pending).toBeInstanceOf(Error);
    http1Client.destroy();
    http2Client.destroy();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const after = handleCounts();
    for (const kind of ["TCPServerWrap", "TCPSocketWrap", "Timeout"]) expect(after[kind] ?? 0, kind).toBeLessThanOrEqual(before[kind] ?? 0);
  });

  it("refuses an invalid port and a models entry that names nothing", async () => {
    await expect(startEmulator({ port: 70_000 })).rejects.toThrow("port must be an integer between 0 and 65535");
    await expect(startEmulator({ keepAliveTimeoutMs: -1 })).rejects.toThrow("keepAliveTimeoutMs must be a whole number of milliseconds ≥ 0, got -1");
    await expect(startEmulator({ models: { "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/x": "no such thing" } })).rejects.toThrow(
      /must be a family name/,
    );
  });
});
