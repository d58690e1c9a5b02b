import "reflect-metadata";
import { startEmulator, type Emulator, type EmulatorOptions } from "@sluice/emulator";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createBedrockClient, type BedrockClientOptions } from "../src/index.js";

/** Credentials the emulator accepts without checking them. */
export const localCredentials = { accessKeyId: "sluice-test", secretAccessKey: "sluice-test" };

/**
 * Starts one emulator for the test file, resets it before each test, and hands out clients
 * pointed at it (keep-alive HTTP/1.1 by default, as Sluice builds them; no SDK retries, so
 * tests see each fault).
 */
export function useEmulator(options: EmulatorOptions = {}) {
  const handle: { emulator: Emulator; client: (extra?: BedrockClientOptions) => ReturnType<typeof createBedrockClient> } = {
    emulator: undefined as unknown as Emulator,
    client: (extra = {}) =>
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
