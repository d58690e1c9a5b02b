import { describe, expect, it } from "vitest";
import { runDependencyInjectionExample } from "./dependency-injection.js";

describe("dependency injection example", () => {
  it("runs two agents on the swapped model and logger", async () => {
    const printed: string[] = [];
    const { calls, logLines } = await runDependencyInjectionExample((line) => printed.push(line));
    expect(printed.slice(0, 2)).toEqual(["You said: My order is late", "You said: Do you ship to Norway?"]);
    expect(calls).toBe(2);
    expect(logLines.filter((line) => line.startsWith("info agent run finished"))).toHaveLength(2);
  });
});
