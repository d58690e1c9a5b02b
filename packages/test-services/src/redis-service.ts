import { createClient } from "redis";
import type { TestService } from "./test-service.js";

/** Where the tests look for Redis: `SLUICE_TEST_REDIS_URL`, else the local default. */
export const redisUrl = process.env.SLUICE_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Connects once (no retries, two seconds at most) and sends PING. */
export async function redisService(): Promise<TestService> {
  const service: TestService = { name: "Redis", url: redisUrl, variable: "SLUICE_TEST_REDIS_URL", available: false };
  const client = createClient({ url: redisUrl, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.sendCommand(["PING"]);
    service.available = true;
  } catch (error) {
    service.problem = error instanceof Error ? error.message : String(error);
  } finally {
    client.destroy();
  }
  return service;
}
