import { afterAll, beforeAll, it } from "vitest";
import { conversationStoreChecks } from "@sluice/store-conformance";
import { describeWithService, postgresService, testNamespace } from "@sluice/test-services";
import { PostgresConversationStore } from "../src/index.js";
import { openTestDatabase, postgresConnectionDrop } from "./postgres-fixture.js";

const service = await postgresService();
const namespace = testNamespace(import.meta.url);
let database: Awaited<ReturnType<typeof openTestDatabase>>;

describeWithService(service, "PostgresConversationStore conformance", () => {
  beforeAll(async () => {
    database = await openTestDatabase(namespace);
    // The table exists before the first check, so the drop checks can lock it.
    await new PostgresConversationStore({ pool: database.pool, schema: namespace }).load("warm-up");
  });
  afterAll(async () => {
    await database?.close();
  });
  const checks = conversationStoreChecks({
    create: ({ ttlMs }) => new PostgresConversationStore({ pool: database.pool, schema: namespace, ...(ttlMs !== undefined && { ttlMs }) }),
    revisions: true,
    ttl: true,
    corrupt: async (id) => void (await database.admin.query(`insert into "${namespace}".sluice_conversations (id, revision, snapshot) values ($1, 1, '{not json')`, [id])),
    connectionDrop: postgresConnectionDrop(() => database, "sluice_conversations"),
  });
  for (const check of checks) it(check.name, check.run);
});
