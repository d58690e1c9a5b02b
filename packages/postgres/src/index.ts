// Public API of @sluice/postgres: conversations on PostgreSQL, shared by every process.
export { PostgresConversationStore, type PostgresConversationStoreOptions } from "./postgres-conversation-store.js";
export { conversationTableSql } from "./conversation-table.js";
export type { PostgresPool } from "./postgres-pool.js";
