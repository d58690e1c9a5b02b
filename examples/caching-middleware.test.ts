import { describe, expect, it } from "vitest";
import { runCachingExample } from "./caching-middleware.js";

describe("custom caching middleware example", () => {
  it("answers the repeated questions from the cache, replaying the stream, with no model call", async () => {
    const lines: string[] = [];
    const outcome = await runCachingExample((line) => lines.push(line));
    expect(outcome.modelRequests).toBe(2);
    expect(outcome.stats).toEqual({ hits: 2, misses: 2 });
    expect(outcome.answers).toEqual(["You said: What is a sluice?", "You said: What is a weir?", "You said: What is a sluice?", "You said: What is a weir?"]);
    expect(lines).toEqual(["round 1: 2 requests reached the model so far", "round 2: 2 requests reached the model so far"]);
  });
});
