import pg from "pg";
import type { ConnectionDrop } from "@sluice/store-conformance";
import { postgresUrl } from "@sluice/test-services";

/**
 * A pool of the test database whose connections carry `applicationName` (so a test can find and
 * terminate them), and a schema of its own, dropped by `close()`.
 */
export async function openTestDatabase(namespace: string) {
  const admin = new pg.Client({ connectionString: postgresUrl, application_name: `${namespace}-admin` });
  admin.on("error", () => undefined);
  await admin.connect();
  await admin.query(`create schema if not exists "${namespace}"`);
  const pool = new pg.Pool({ connectionString: postgresUrl, application_name: namespace, max: 10 });
  pool.on("error", () => undefined); // an idle connection terminated by a test
  return {
    admin,
    pool,
    schema: namespace,
    async close() {
      await pool.end();
      await admin.query(`drop schema if exists "${namespace}" cascade`);
      await admin.end();
    },
  };
}

/**
 * Real connection drops for the pool's connections: the admin connection locks `table` (ACCESS
 * EXCLUSIVE, so reads wait too), waits until a pool connection waits on the lock, terminates every
 * backend of the pool (pg_terminate_backend), and rolls back, then has the pool throw away the
 * terminated connections it still holds.
 */
export function postgresConnectionDrop(database: () => Awaited<ReturnType<typeof openTestDatabase>>, table: string): ConnectionDrop {
  return {
    hold: async () => {
      const { admin, schema } = database();
      await admin.query("begin");
      await admin.query(`lock table "${schema}"."${table}" in access exclusive mode`);
    },
    drop: async () => {
      const { admin, schema } = database();
      for (let attempt = 0; ; attempt += 1) {
        const waiting = await admin.query("select pid from pg_stat_activity where application_name = $1 and wait_event_type = 'Lock'", [schema]);
        if (waiting.rows.length > 0) {
          await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1", [schema]);
          return;
        }
        if (attempt > 1_000) throw new Error(`no connection of ${schema} waited on the lock`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    },
    release: async () => {
      const { admin, pool } = database();
      await admin.query("rollback");
      // Idle connections of the pool were terminated too; the pool learns it when their sockets
      // report it, which lags on a busy machine, and a query handed such a connection fails
      // (typed, and honestly). "Works again after" is about the store, not that race: let every
      // idle connection answer once, so the dead ones are thrown away first.
      const idle = await Promise.all(Array.from({ length: pool.idleCount }, () => pool.connect()));
      await Promise.all(
        idle.map(async (client) => {
          try {
            await client.query("select 1");
            client.release();
          } catch (error) {
            client.release(error as Error);
          }
        }),
      );
    },
  };
}
