// Public API of @sluice/store-conformance: the checks every Sluice store passes, to run against your own.
export { conversationStoreChecks, sampleSnapshot, type ConversationStoreSubject } from "./conversation-store-checks.js";
export { cacheStoreChecks, sampleEntry, type CacheStoreSubject } from "./cache-store-checks.js";
export type { StoreCheck, ConnectionDrop } from "./store-check.js";
