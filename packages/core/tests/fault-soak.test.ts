import { expect, it } from "vitest";
import { runSoak } from "./fault-soak.js";

it("a small fault soak (300 runs): every run complete or a typed error that rolled back, never an invalid conversation", async () => {
  const figures = await runSoak({ runs: 300, seed: 11 });
  expect(figures.runs).toBe(300);
  expect(figures.faultsFired).toBeGreaterThan(30);
  expect(figures.completed).toBeGreaterThan(150);
  expect(figures.untypedErrors).toBe(0);
  expect(figures.dishonestErrors).toBe(0);
  expect(figures.invalidConversations).toBe(0);
}, 60_000);
