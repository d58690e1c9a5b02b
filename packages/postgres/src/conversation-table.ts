import { ConfigurationError } from "@sluice/core";

const identifier = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** `"schema"."table"` (or `"table"`), after checking both are plain identifiers. */
export function qualifiedName(owner: string, schema: string | undefined, table: string): string {
  for (const [name, value] of [["schema", schema], ["table", table]] as const) {
    if (value !== undefined && (typeof value !== "string" || !identifier.test(value))) {
      throw new ConfigurationError(`${owner}: ${name} must be a plain identifier (letters, digits, underscores; at most 63), got ${JSON.stringify(value)}.`);
    }
  }
  return schema === undefined ? `"${table}"` : `"${schema}"."${table}"`;
}

/**
 * The statement that creates the table `PostgresConversationStore` uses (if it does not exist),
 * for migrations. The snapshot is kept as the JSON text Sluice wrote (`text`, not `jsonb`, which
 * would refuse a `\u0000` in a message); cast it to `jsonb` to query it.
 *
 * @example
 * await pool.query(conversationTableSql({ schema: "app", table: "conversations" }));
 */
export function conversationTableSql(options: { schema?: string; table?: string } = {}): string {
  return `create table if not exists ${qualifiedName("conversationTableSql", options.schema, options.table ?? "sluice_conversations")} (
  id text primary key,
  revision bigint not null,
  snapshot text not null,
  updated_at timestamptz not null default now(),
  expires_at timestamptz
)`;
}
