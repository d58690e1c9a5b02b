import { InMemoryConversationStore } from "@sluice/core";
import { MemoryCacheStore } from "@sluice/middleware";
import { describe, it } from "vitest";
import { cacheStoreChecks, conversationStoreChecks } from "../src/index.js";

describe("InMemoryConversationStore conformance", () => {
  for (const check of conversationStoreChecks({ create: () => new InMemoryConversationStore(), revisions: true })) it(check.name, check.run);
});

describe("MemoryCacheStore conformance", () => {
  for (const check of cacheStoreChecks({ create: () => new MemoryCacheStore() })) it(check.name, check.run);
});
