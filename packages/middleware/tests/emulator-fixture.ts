import { startEmulator, type Emulator, type EmulatorOptions } from "@sluice/emulator";
import { createBedrockClient, type BedrockClientOptions } from "@sluice/core";
import { afterAll, beforeAll, beforeEach } from "vitest";

/** Credentials the emulator accepts without checking them. */
export const localCredentials = { accessKeyId: "sluice-test", secretAccessKey: "sluice-test" };

export const modelId = "anthropic.claude-3-5-haiku-20241022-v1:0";

export interface EmulatorHandle {
  emulator: Emulator;
  client: (extra?: BedrockClientOptions) => ReturnType<typeof createBedrockClient>;
}

/**
 * Starts one emulator for the test file, resets it before each test, and hands out clients
 * pointed at it (no SDK retries, so the middleware under test sees every fault).
 */
export function useEmulator(options: EmulatorOptions = {}): EmulatorHandle {
  const handle: EmulatorHandle = {
    emulator: undefined as unknown as Emulator,
    client: (extra: BedrockClientOptions = {}) =>
      createBedrockClient({ endpoint: handle.emulator.url, region: "us-east-1", credentials: localCredentials, maxAttempts: 1, ...extra }),
  };
  beforeAll(async () => {
    handle.emulator = await startEmulator(options);
  });
  beforeEach(() => handle.emulator.reset());
  afterAll(async () => {
    await handle.emulator.close();
  });
  return handle;
}
