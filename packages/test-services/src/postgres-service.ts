import pg from "pg";
import type { TestService } from "./test-service.js";

/** Where the tests look for PostgreSQL: `SLUICE_TEST_POSTGRES_URL`, else the local default (trust auth, database `test`). */
export const postgresUrl = process.env.SLUICE_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Connects once (two seconds at most) and runs `select 1`. */
export async function postgresService(): Promise<TestService> {
  const service: TestService = { name: "PostgreSQL", url: postgresUrl, variable: "SLUICE_TEST_POSTGRES_URL", available: false };
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 2_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
    service.available = true;
  } catch (error) {
    service.problem = error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
  return service;
}
