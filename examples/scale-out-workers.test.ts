import { describeWithService, postgresService, postgresUrl, redisService, redisUrl, testNamespace } from "@sluice/test-services";
import pg from "pg";
import { createClient } from "redis";
import { afterAll, expect, it } from "vitest";
import { runScaleOutExample } from "./scale-out-workers.js";

const [redis, postgres] = await Promise.all([redisService(), postgresService()]);
const namespace = testNamespace(import.meta.url);

describeWithService(redis, "scale-out example (Redis)", () => {
  describeWithService(postgres, "scale-out example (PostgreSQL)", () => {
    afterAll(async () => {
      const client = await createClient({ url: redisUrl }).on("error", () => undefined).connect();
      for await (const keys of client.scanIterator({ MATCH: `${namespace}:*`, COUNT: 500 })) if (keys.length > 0) await client.del(keys);
      await client.close();
      const pool = new pg.Pool({ connectionString: postgresUrl });
      await pool.query(`drop table if exists "${namespace}_conversations"`);
      await pool.end();
    });

    it("shares one model call, one rate limit and the conversations between three workers", async () => {
      const lines: string[] = [];
      const outcome = await runScaleOutExample({ redisUrl, databaseUrl: postgresUrl, namespace }, (line) => lines.push(line));
      expect(outcome.answers).toEqual(Array(3).fill("You said: What is a sluice?"));
      expect(lines[0]).toBe("3 workers asked the same question: 1 model call, answers: 1 distinct");
      expect(lines[1]).toBe("worker 2 continued the conversation started on worker 1: 4 messages");
      expect(lines.filter((line) => line.startsWith("a conflict on"))).toHaveLength(1);
      expect(lines.at(-1)).toBe("the shared conversation holds 10 messages");
      const texts = outcome.messages.filter((message) => message.role === "user").map((message) => message.content?.[0]?.text);
      expect(texts).toEqual(["My name is Ada.", "What did I just tell you?", expect.stringMatching(/at once/), expect.stringMatching(/at once/), "Summing up."]);
      expect(outcome.modelCalls).toBe(1 + 2 + 3 + 1);
    });
  });
});
