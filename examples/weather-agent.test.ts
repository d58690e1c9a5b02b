import { describe, expect, it } from "vitest";
import { runWeatherAgent } from "./weather-agent.js";

describe("weather agent example", () => {
  it("runs the typed tool loop, recovers from an invalid call, caches, and returns a typed plan", async () => {
    const lines: string[] = [];
    const outcome = await runWeatherAgent({ write: (line) => lines.push(line) });
    expect(outcome.answers).toEqual([
      "Lisbon: 21°C (70°F) and sunny today.",
      "Oslo: 4°C and overcast, then 2°C with snow showers.",
      "Lisbon: 21°C (70°F) and sunny today.",
    ]);
    // Two tools in the first message, both shown before the answer.
    expect(lines.slice(1, 3)).toEqual(['  [calls get_forecast {"city":"Lisbon"}]', '  [calls convert_temperature {"celsius":21}]']);
    expect(lines).toContain("  [get_forecast failed (invalid-input): Invalid input for get_forecast: days: must be at most 7. Call the tool again with corrected input.]");
    expect(outcome.cache).toEqual({ hits: 1, misses: 3 });
    expect(outcome.plan).toEqual({ city: "Oslo", items: ["warm coat", "gloves", "boots"], umbrella: false });
    expect(lines.at(-1)).toBe("agent > 3 items for Oslo: warm coat, gloves, boots");
    // 3 questions; the first and last took a tool round, the second two.
    expect(outcome.conversationLength).toBe(3 * 2 + 2 * 2 + 2 * 2);
  });
});
