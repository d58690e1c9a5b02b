/**
 * What the PostgreSQL store uses of a `pg` pool (`new pg.Pool()` from `pg` 8): one statement at a
 * time with parameters. Pass your pool; Sluice never ends it. Give the pool an `error` listener, as
 * `pg` asks, so that a connection dropped while idle does not end the process.
 *
 * @example
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * pool.on("error", (error) => console.warn("idle PostgreSQL connection lost", error));
 */
export interface PostgresPool {
  query(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>>; rowCount: number | null }>;
}
