import { describeWithService, postgresService, postgresUrl, testNamespace } from "@sluice/test-services";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { runDurableAgentExample } from "./durable-agent.js";

const postgres = await postgresService();
const namespace = testNamespace(import.meta.url);

describeWithService(postgres, "durable agent example (DBOS on PostgreSQL)", () => {
  afterAll(async () => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(`drop database if exists "${namespace}" with (force)`);
    await client.end();
  });

  it("a worker killed mid-refund is recovered by another: no model call repeated but the one in flight, the refund made once", async () => {
    const url = new URL(postgresUrl);
    url.pathname = `/${namespace}`;
    process.env.DBOS_SYSTEM_DATABASE_URL = url.toString();
    const lines: string[] = [];
    const outcome = await runDurableAgentExample((line) => lines.push(line));
    expect(outcome.text).toBe("Done: $25.00 is on its way back to your card.");
    expect(lines[0]).toBe("worker 1 killed after the refund, before its tool call ended (2 model calls so far)");
    // Two calls by the first worker, the last one by the second: none sent twice.
    expect(outcome.modelCalls).toBe(3);
    // The refund tool ran twice (at-least-once), with the same idempotency key: the money moved once.
    expect(outcome.ledger).toEqual(["lookup 1042", "refund started 1042", expect.stringMatching(/^refund 1042 key=refund-\d+:tooluse_/), "refund started 1042", "duplicate refund of 1042 ignored"]);
  }, 120_000);
});
