import {
  ConfigurationError,
  ConversationConflictError,
  StoreDataError,
  type ConversationSaveOptions,
  type ConversationSnapshot,
  type ConversationStore,
  type SavedConversation,
  type StoredConversation,
} from "@sluice/core";
import { postgresError } from "./postgres-errors.js";
import type { PostgresPool } from "./postgres-pool.js";
import { conversationTableSql, qualifiedName } from "./conversation-table.js";

/** Options of `PostgresConversationStore`. */
export interface PostgresConversationStoreOptions {
  /** A `pg` pool (Sluice never ends it). */
  pool: PostgresPool;
  /** The table's name. Default `sluice_conversations`. */
  table?: string;
  /** The table's schema. Default: the connection's `search_path` (usually `public`). */
  schema?: string;
  /** Create the table (if it does not exist) before the first statement. Default true; false when migrations create it. */
  createTable?: boolean;
  /** Forget a conversation this long after its last save (expired rows are ignored; `deleteExpired()` removes them). Default: keep until deleted. */
  ttlMs?: number;
}

const owner = "PostgresConversationStore";
const known = ["pool", "table", "schema", "createTable", "ttlMs"];

/**
 * A `ConversationStore` on PostgreSQL with optimistic concurrency: one row per conversation with a
 * revision. A save with the revision the agent loaded is one `UPDATE … WHERE revision = $n`; if
 * another process saved first, no row matches and the save is refused with a
 * `ConversationConflictError`, so concurrent saves of one conversation give one success and one
 * conflict, never a lost turn. Every statement stands alone, so a dropped connection leaves the
 * row as it was or fully written.
 *
 * @example
 * const store = new PostgresConversationStore({ pool: new pg.Pool({ connectionString: process.env.DATABASE_URL }) });
 * const agent = new Agent({ modelId, conversationId: "user-42", store });
 */
export class PostgresConversationStore implements ConversationStore {
  private readonly pool: PostgresPool;
  private readonly table: string;
  private readonly tableSql: string;
  private readonly ttlMs: number | null;
  private ready: Promise<void> | undefined;

  constructor(options: PostgresConversationStoreOptions) {
    if (typeof options !== "object" || options === null) throw new ConfigurationError(`${owner}: options must be an object with a pg pool.`);
    for (const key of Object.keys(options)) if (!known.includes(key)) throw new ConfigurationError(`${owner}: unknown option "${key}". Known options: ${known.join(", ")}.`);
    if (typeof options.pool?.query !== "function") throw new ConfigurationError(`${owner}: pool must be a pg Pool (new pg.Pool({ connectionString })).`);
    const ttl = options.ttlMs;
    if (ttl !== undefined && (typeof ttl !== "number" || !Number.isInteger(ttl) || ttl < 1)) throw new ConfigurationError(`${owner}: ttlMs must be a whole number of at least 1.`);
    this.pool = options.pool;
    this.table = qualifiedName(owner, options.schema, options.table ?? "sluice_conversations");
    this.tableSql = conversationTableSql({ ...(options.schema !== undefined && { schema: options.schema }), ...(options.table !== undefined && { table: options.table }) });
    this.ttlMs = ttl ?? null;
    if (options.createTable === false) this.ready = Promise.resolve();
  }

  async load(conversationId: string): Promise<ConversationSnapshot | undefined> {
    return (await this.loadWithRevision(conversationId))?.snapshot;
  }

  async loadWithRevision(conversationId: string): Promise<StoredConversation | undefined> {
    const rows = await this.query(
      "load",
      conversationId,
      `select revision, snapshot from ${this.table} where id = $1 and (expires_at is null or expires_at > now())`,
      [conversationId],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    return { snapshot: this.parse(conversationId, row["snapshot"]), revision: Number(row["revision"]) };
  }

  async save(conversationId: string, snapshot: ConversationSnapshot, options: ConversationSaveOptions = {}): Promise<SavedConversation> {
    const expected = options.expectedRevision;
    const text = JSON.stringify(snapshot);
    const expires = "case when $3::bigint is null then null else now() + $3::bigint * interval '1 millisecond' end";
    const live = (alias: string) => `(${alias}.expires_at is null or ${alias}.expires_at > now())`;
    let rows: Array<Record<string, unknown>>;
    if (expected === undefined) {
      rows = await this.query(
        "save",
        conversationId,
        `insert into ${this.table} as c (id, revision, snapshot, expires_at) values ($1, 1, $2, ${expires})
         on conflict (id) do update set revision = case when ${live("c")} then c.revision + 1 else 1 end,
           snapshot = excluded.snapshot, updated_at = now(), expires_at = excluded.expires_at
         returning revision`,
        [conversationId, text, this.ttlMs],
      );
    } else if (expected === 0) {
      // Create only: an existing live row makes the update's condition false, so nothing is returned.
      rows = await this.query(
        "save",
        conversationId,
        `insert into ${this.table} as c (id, revision, snapshot, expires_at) values ($1, 1, $2, ${expires})
         on conflict (id) do update set revision = 1, snapshot = excluded.snapshot, updated_at = now(), expires_at = excluded.expires_at
         where not ${live("c")}
         returning revision`,
        [conversationId, text, this.ttlMs],
      );
    } else {
      rows = await this.query(
        "save",
        conversationId,
        `update ${this.table} as c set revision = c.revision + 1, snapshot = $2, updated_at = now(), expires_at = ${expires}
         where c.id = $1 and c.revision = $4 and ${live("c")}
         returning revision`,
        [conversationId, text, this.ttlMs, expected],
      );
    }
    const saved = rows[0];
    if (saved === undefined) throw new ConversationConflictError(conversationId, expected ?? 0, await this.currentRevision(conversationId));
    return { revision: Number(saved["revision"]) };
  }

  async delete(conversationId: string): Promise<void> {
    await this.query("delete", conversationId, `delete from ${this.table} where id = $1`, [conversationId]);
  }

  /** Removes the rows of expired conversations (they are already ignored); returns how many. Run it now and then. */
  async deleteExpired(): Promise<number> {
    await this.prepare("deleteExpired", "*");
    try {
      return (await this.pool.query(`delete from ${this.table} where expires_at <= now()`)).rowCount ?? 0;
    } catch (error) {
      throw postgresError(error, "deleteExpired", "*");
    }
  }

  private async currentRevision(conversationId: string): Promise<number | undefined> {
    // Only to say what was found: the refusal itself was decided atomically by the statement above.
    const rows = await this.query("save", conversationId, `select revision from ${this.table} where id = $1 and (expires_at is null or expires_at > now())`, [conversationId]).catch(
      () => undefined,
    );
    return rows === undefined ? undefined : rows[0] === undefined ? 0 : Number(rows[0]["revision"]);
  }

  private async query(operation: string, conversationId: string, text: string, values: unknown[]): Promise<Array<Record<string, unknown>>> {
    await this.prepare(operation, conversationId);
    try {
      return (await this.pool.query(text, values)).rows;
    } catch (error) {
      throw postgresError(error, operation, conversationId);
    }
  }

  private async prepare(operation: string, conversationId: string): Promise<void> {
    this.ready ??= this.createTable().catch((error: unknown) => {
      this.ready = undefined; // try again at the next call
      throw postgresError(error, operation, conversationId);
    });
    await this.ready;
  }

  private async createTable(): Promise<void> {
    try {
      await this.pool.query(this.tableSql);
    } catch (error) {
      // Two processes creating the table at once: the loser sees the winner's table or type.
      const code = (error as { code?: unknown })?.code;
      if (code !== "23505" && code !== "42P07") throw error;
    }
  }

  private parse(conversationId: string, value: unknown): ConversationSnapshot {
    let snapshot: unknown;
    try {
      snapshot = typeof value === "string" ? JSON.parse(value) : value;
    } catch {
      snapshot = undefined;
    }
    if (typeof snapshot !== "object" || snapshot === null || (snapshot as { format?: unknown }).format !== "sluice.conversation") {
      throw new StoreDataError(
        owner,
        conversationId,
        `${owner}: the stored conversation "${conversationId}" in ${this.table} is damaged: its snapshot is not a Sluice conversation snapshot in JSON. Delete the row to start the conversation again.`,
      );
    }
    return snapshot as ConversationSnapshot;
  }
}
