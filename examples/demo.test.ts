import { describe, expect, it } from "vitest";
import { runDemo } from "./demo.js";

describe("the demo", () => {
  it("holds a two-turn conversation with tool calls, streaming its answers", async () => {
    let printed = "";
    const answers = await runDemo({ write: (text) => (printed += text) });
    expect(answers).toHaveLength(2);
    expect(answers[0]).toMatch(/Lisbon it is 21°C and sunny/);
    expect(answers[1]).toMatch(/Oslo is much colder/);
    expect(printed).toContain('[calling get_weather {"city":"Lisbon"}]');
    expect(printed).toContain('[calling get_weather {"city":"Oslo"}]');
    // Lisbon's answer starts with text, so its tool call takes a line of its own; Oslo's starts with the call.
    expect(printed).toContain('agent > Let me check the weather in Lisbon.\n        [calling get_weather {"city":"Lisbon"}]');
    expect(printed).toContain('agent > [calling get_weather {"city":"Oslo"}]\n        Oslo is much colder');
    expect(printed).not.toMatch(/agent > \n/);
    expect(printed).toMatch(/Conversation: 8 messages/);
  });
});
