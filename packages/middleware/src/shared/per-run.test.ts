import { describe, expect, it } from "vitest";
import { PerRun } from "./per-run.js";

describe("PerRun", () => {
  it("keeps one state per run, forgetting the least recently used beyond maxRuns", () => {
    let created = 0;
    const runs = new PerRun(() => ({ serial: (created += 1) }), 2);
    const first = runs.get("a");
    expect(runs.get("a")).toBe(first);
    runs.get("b");
    runs.get("a"); // "a" is now more recent than "b"
    runs.get("c"); // evicts "b"
    expect(runs.get("a")).toBe(first);
    expect(runs.get("b").serial).toBe(4); // created afresh, evicting "c"
    expect(runs.get("c").serial).toBe(5);
  });
});
