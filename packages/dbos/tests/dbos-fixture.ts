import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DBOS } from "@dbos-inc/dbos-sdk";
import pg from "pg";
import { postgresUrl } from "@sluice/test-services";

/** A DBOS system database of this test file's own on the test PostgreSQL (DBOS creates it at launch). */
export function systemDatabaseUrl(namespace: string): string {
  const url = new URL(postgresUrl);
  url.pathname = `/${namespace}`;
  return url.toString();
}

/**
 * Creates and migrates a test file's system database once, before any worker starts: workers
 * launched at the same moment on a new database would race each other's migrations.
 */
export async function createSystemDatabase(namespace: string): Promise<void> {
  await DBOS.migrate(systemDatabaseUrl(namespace));
}

/** Drops a test file's system database, ending any session still on it. */
export async function dropSystemDatabase(namespace: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${namespace}" with (force)`);
  } finally {
    await client.end();
  }
}

/** A fresh ledger file (what the tools really did, one line per action: `<action> … <pid>`). */
export function newLedger(): string {
  return join(mkdtempSync(join(tmpdir(), "sluice-dbos-")), "ledger.txt");
}

export function readLedger(file: string): string[] {
  return existsSync(file) ? readFileSync(file, "utf8").trim().split("\n").filter((line) => line !== "") : [];
}

/** Resolves once `check` is true, polling every 20 ms; rejects after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
