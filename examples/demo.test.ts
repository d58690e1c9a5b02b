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
    expect(printed).toMatch(/Conversation: 8 messages/);
  });
});
