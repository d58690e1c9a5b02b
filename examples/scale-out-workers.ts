/**
 * Several workers sharing one Redis and one PostgreSQL: each worker has its own connections,
 * as separate processes (or machines) would, and all of them share
 *   - the response cache on Redis: the same question asked by every worker at once makes one
 *     model call (single-flight across processes), and later askers get the stored answer;
 *   - the rate limit on Redis: requests per minute per model, counted for all workers together;
 *   - the conversations in PostgreSQL: a conversation started on one worker continues on another,
 *     and two workers saving the same conversation at once cannot lose a turn.
 *
 *   REDIS_URL=redis://127.0.0.1:6379 DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \
 *     npx tsx --conditions=development examples/scale-out-workers.ts
 */
import { fileURLToPath } from "node:url";
import { Agent, ConversationConflictError } from "@sluice/core";
import { startEmulator } from "@sluice/emulator";
import { responseCacheMiddleware } from "@sluice/middleware";
import { PostgresConversationStore } from "@sluice/postgres";
import { RedisCacheStore, redisRateLimitMiddleware } from "@sluice/redis";
import pg from "pg";
import { createClient } from "redis";

const modelId = "us.amazon.nova-lite-v1:0";

/** What one worker holds: its own Redis client and PostgreSQL pool, and an agent factory. */
async function startWorker(options: { redisUrl: string; databaseUrl: string; emulatorUrl: string; namespace: string | undefined }) {
  const client = await createClient({ url: options.redisUrl }).on("error", () => undefined).connect();
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  pool.on("error", () => undefined);
  // Tests give each run a namespace of its own; without one, the packages' default keys and table are used.
  const namespace = options.namespace;
  const cacheStore = new RedisCacheStore({ client, ...(namespace !== undefined && { prefix: `${namespace}:cache:` }) });
  const store = new PostgresConversationStore({ pool, ...(namespace !== undefined && { table: `${namespace}_conversations` }) });
  const middleware = [
    responseCacheMiddleware({ store: cacheStore, ttlMs: 60_000 }),
    redisRateLimitMiddleware({ client, ...(namespace !== undefined && { prefix: `${namespace}:rate:` }), limits: { "amazon.nova-lite-v1:0": { requestsPerMinute: 100 } } }),
  ];
  const clientOptions = { endpoint: options.emulatorUrl, region: "us-east-1", credentials: { accessKeyId: "example", secretAccessKey: "example" } };
  return {
    agent: (conversationId?: string) => new Agent({ modelId, clientOptions, middleware, ...(conversationId !== undefined && { store, conversationId }) }),
    async close() {
      await cacheStore.close();
      await client.close();
      await pool.end();
    },
  };
}

/** Runs three workers against the embedded emulator; returns what reached the model and the shared conversation. */
export async function runScaleOutExample(options: { redisUrl: string; databaseUrl: string; namespace?: string }, write: (line: string) => void = console.log) {
  const namespace = options.namespace;
  const emulator = await startEmulator();
  const workers = await Promise.all([1, 2, 3].map(() => startWorker({ ...options, emulatorUrl: emulator.url, namespace })));
  try {
    // 1. The same question on every worker at once: one model call, three answers.
    emulator.injectFault({ firstCalls: 1, effect: { type: "latency", delayMs: 300 } });
    const answers = await Promise.all(workers.map((worker) => worker.agent().send("What is a sluice?")));
    write(`3 workers asked the same question: ${emulator.requests.length} model call, answers: ${new Set(answers.map((answer) => answer.text)).size} distinct`);

    // 2. A conversation started on worker 1 continues on worker 2 (both read PostgreSQL).
    const conversationId = `customer-${Date.now()}`;
    await workers[0]!.agent(conversationId).send("My name is Ada.");
    const continuing = workers[1]!.agent(conversationId);
    await continuing.send("What did I just tell you?");
    write(`worker 2 continued the conversation started on worker 1: ${continuing.conversation.length} messages`);

    // 3. Two workers saving the same conversation at once: one wins, the other retries on top.
    emulator.injectFault({ firstCalls: 2, effect: { type: "latency", delayMs: 300 } });
    const first = workers[0]!.agent(conversationId);
    const second = workers[2]!.agent(conversationId);
    const sendWithRetry = async (agent: Agent, text: string) => {
      for (;;) {
        try {
          return await agent.send(text);
        } catch (error) {
          if (!ConversationConflictError.isInstance(error)) throw error;
          write(`a conflict on "${text}": the turn was rolled back (${String(error.rolledBack)}); sending it again`);
        }
      }
    };
    await Promise.all([sendWithRetry(first, "First at once."), sendWithRetry(second, "Second at once.")]);
    const reader = workers[1]!.agent(conversationId);
    await reader.send("Summing up.");
    write(`the shared conversation holds ${reader.conversation.length} messages`);
    return { modelCalls: emulator.requests.length, answers: answers.map((answer) => answer.text), messages: reader.conversation.messages };
  } finally {
    await Promise.all(workers.map((worker) => worker.close()));
    await emulator.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runScaleOutExample({ redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379", databaseUrl: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test" });
}
