import { fileURLToPath } from "node:url";
import { Conversation } from "@sluice/core";
import { startEmulator, type Emulator } from "@sluice/emulator";
import { describeWithService, redisService, redisUrl, startWorker, testNamespace, type WorkerProcess } from "@sluice/test-services";
import { afterAll, beforeAll, expect, it } from "vitest";
import { RedisConversationStore } from "../src/index.js";
import { connectRedis } from "./redis-fixture.js";

const service = await redisService();
const namespace = testNamespace(import.meta.url);
const workerFile = fileURLToPath(new URL("./fixtures/conversation-worker.ts", import.meta.url));
let client: Awaited<ReturnType<typeof connectRedis>>;
let emulator: Emulator;
const workers: WorkerProcess[] = [];
type Result = { conflicts: Array<{ message: string; rolledBack: boolean; conversationLength: number }>; length: number };

describeWithService(service, "concurrent saves of one conversation from several processes (Redis)", () => {
  beforeAll(async () => {
    client = await connectRedis(namespace);
    emulator = await startEmulator();
  });
  afterAll(async () => {
    for (const running of workers) running.child.kill("SIGKILL");
    await emulator?.close();
    await client?.del(`${namespace}:shared`);
    await client?.close();
  });

  it("3 processes loading the same revision: one saves, two get a rolled-back ConversationConflictError, and their retries keep every turn", async () => {
    const store = new RedisConversationStore({ client, prefix: `${namespace}:` });
    const seeded = new Conversation();
    seeded.append({ role: "user", content: [{ text: "seed" }] });
    seeded.append({ role: "assistant", content: [{ text: "seeded" }] });
    await store.save("shared", seeded.snapshot(), { expectedRevision: 0 });
    // Each first call takes a second, so all three processes load revision 1 before anyone saves.
    emulator.injectFault({ firstCalls: 3, effect: { type: "latency", delayMs: 1_000 } });

    const turns = ["from process A", "from process B", "from process C"];
    const group = turns.map((turn) =>
      startWorker(workerFile, { REDIS_URL: redisUrl, PREFIX: `${namespace}:`, EMULATOR_URL: emulator.url, CONVERSATION_ID: "shared", TURN: turn }),
    );
    workers.push(...group);
    await Promise.all(group.map((each) => each.message("ready")));
    for (const each of group) each.send("go");
    const results = await Promise.all(group.map((each) => each.message<Result>("result")));

    // Exactly one of the three first saves succeeds; the other two conflict (and may conflict again on retry).
    expect(results.filter((result) => result.conflicts.length === 0)).toHaveLength(1);
    for (const conflict of results.flatMap((result) => result.conflicts)) {
      expect(conflict.rolledBack).toBe(true);
      expect(conflict.message).toMatch(/changed in the store since revision \d+ was loaded .*nothing was written.*The turn was rolled back/);
    }
    const stored = await store.loadWithRevision("shared");
    const texts = (stored?.snapshot.messages as Array<{ role: string; content: Array<{ text: string }> }>).map((message) => message.content[0]?.text);
    expect(texts.filter((text) => turns.includes(text as string)).sort()).toEqual(turns);
    expect(texts).toHaveLength(2 + 2 * turns.length);
    expect(stored?.revision).toBe(4);
    expect(emulator.requests.length).toBe(3 + results.reduce((sum, result) => sum + result.conflicts.length, 0));
  });
});
