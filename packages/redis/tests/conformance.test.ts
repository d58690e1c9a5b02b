import { afterAll, beforeAll, it } from "vitest";
import { cacheStoreChecks, conversationStoreChecks } from "@sluice/store-conformance";
import { describeWithService, redisService, testNamespace } from "@sluice/test-services";
import { RedisCacheStore, RedisConversationStore } from "../src/index.js";
import { connectRedis, redisConnectionDrop } from "./redis-fixture.js";

const service = await redisService();
const namespace = testNamespace(import.meta.url);
const prefix = `${namespace}:`;
let admin: Awaited<ReturnType<typeof connectRedis>>;
let client: Awaited<ReturnType<typeof connectRedis>>;

describeWithService(service, "Redis stores conformance", () => {
  beforeAll(async () => {
    admin = await connectRedis(`${namespace}-admin`);
    client = await connectRedis(namespace);
  });
  afterAll(async () => {
    for await (const keys of admin.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) if (keys.length > 0) await admin.del(keys);
    await client?.close();
    await admin?.close();
  });
  const connectionDrop = redisConnectionDrop(() => admin, namespace);

  describeWithService(service, "RedisConversationStore", () => {
    const checks = conversationStoreChecks({
      create: ({ ttlMs }) => new RedisConversationStore({ client, prefix: `${prefix}conversation:`, ...(ttlMs !== undefined && { ttlMs }) }),
      revisions: true,
      ttl: true,
      corrupt: async (id) => void (await admin.sendCommand(["HSET", `${prefix}conversation:${id}`, "revision", "1", "snapshot", "{not json"])),
      connectionDrop,
    });
    for (const check of checks) it(check.name, check.run);
  });

  describeWithService(service, "RedisCacheStore", () => {
    const checks = cacheStoreChecks({
      create: () => new RedisCacheStore({ client, prefix: `${prefix}cache:` }),
      dispose: (store) => (store as RedisCacheStore).close(),
      singleFlight: true,
      corrupt: async (key) => void (await admin.sendCommand(["SET", `${prefix}cache:entry:{${key}}`, "{broken"])),
      connectionDrop,
    });
    for (const check of checks) it(check.name, check.run);
  });
});
