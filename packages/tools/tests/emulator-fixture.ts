import { Agent, createBedrockClient, type AgentOptions } from "@sluice/core";
import { startEmulator, type Emulator } from "@sluice/emulator";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";

/** A Converse model the emulator knows; scripted replies make it call tools. */
export const modelId = "anthropic.claude-3-5-haiku-20241022-v1:0";

type Body = { messages?: Array<{ role: string; content: Array<Record<string, any>> }>; toolConfig?: Record<string, any> };

/**
 * One emulator per test file, reset before each test. `agent(options)` builds an Agent whose
 * client points at it (HTTP/1.1 keep-alive, no SDK retries, so every fault is seen).
 */
export function useEmulator() {
  const handle = {
    emulator: undefined as unknown as Emulator,
    agent(options: Omit<AgentOptions, "modelId" | "client"> = {}): Agent {
      const client = createBedrockClient({
        endpoint: handle.emulator.url,
        region: "us-east-1",
        credentials: { accessKeyId: "sluice-test", secretAccessKey: "sluice-test" },
        maxAttempts: 1,
      });
      return new Agent({ modelId, client, ...options });
    },
    /** The parsed JSON body of request `index` (negative counts from the end). */
    body(index: number): Body {
      return handle.emulator.requests.at(index)?.body as Body;
    },
    /**
     * Sends one more turn and checks that the emulator's validation accepted the whole history
     * (every toolUse answered, roles alternating, names and ids well-formed).
     */
    async expectHistoryAccepted(agent: Agent): Promise<void> {
      const before = handle.emulator.requests.length;
      const result = await agent.send("Thanks, that is all.");
      expect(handle.emulator.requests.length).toBe(before + 1);
      expect(handle.emulator.requests.at(-1)?.response?.status).toBe(200);
      expect(result.status).toBe("complete");
    },
  };
  beforeAll(async () => {
    handle.emulator = await startEmulator();
  });
  beforeEach(() => handle.emulator.reset());
  afterAll(async () => {
    await handle.emulator.close();
  });
  return handle;
}
