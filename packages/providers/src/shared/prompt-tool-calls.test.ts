import { describe, expect, it } from "vitest";
import { ConverseStreamWriter } from "./converse-stream-writer.js";
import { PromptToolCallFilter, splitToolCalls, toolInstructions } from "./prompt-tool-calls.js";
import { ResponseAssembler } from "@sluice/core/internal";

function streamThrough(chunks: string[], enabled = true) {
  const writer = new ConverseStreamWriter();
  const filter = new PromptToolCallFilter(writer, enabled);
  const assembler = new ResponseAssembler();
  for (const chunk of chunks) {
    filter.push(chunk);
    for (const event of writer.drain()) assembler.add(event);
  }
  filter.end();
  writer.finish();
  for (const event of writer.drain()) assembler.add(event);
  return assembler.finish().output?.message?.content ?? [];
}

describe("splitToolCalls", () => {
  it("reads JSON lines, a JSON array and a pretty-printed object at the end of the output", () => {
    const lines = splitToolCalls('Checking.\n{"name":"a","parameters":{"x":1}}\n{"name":"b","arguments":{}}');
    expect(lines.text).toBe("Checking.");
    expect(lines.toolUses.map((call) => [call.name, call.input])).toEqual([["a", { x: 1 }], ["b", {}]]);
    expect(splitToolCalls('[{"name":"a","parameters":{}}]').toolUses).toHaveLength(1);
    expect(splitToolCalls('<|python_tag|>{\n  "name": "a",\n  "parameters": {"y": 2}\n}').toolUses[0]?.input).toEqual({ y: 2 });
  });

  it("leaves text alone when the trailing JSON is not a call", () => {
    expect(splitToolCalls('Here is JSON:\n{"city":"Paris"}')).toEqual({ text: 'Here is JSON:\n{"city":"Paris"}', toolUses: [] });
    expect(splitToolCalls("{not json").toolUses).toEqual([]);
  });
});

describe("PromptToolCallFilter", () => {
  it("streams text and turns held JSON lines into tool calls at the end, whatever the chunking", () => {
    const output = 'Let me look.\n{"name":"get_weather","parameters":{"city":"Paris"}}';
    for (const size of [1, 3, 7, 100]) {
      const chunks = output.match(new RegExp(`[\\s\\S]{1,${size}}`, "g")) ?? [];
      const content = streamThrough(chunks);
      expect(content[0]).toEqual({ text: "Let me look.\n" });
      expect(content[1]?.toolUse?.name).toBe("get_weather");
      expect(content[1]?.toolUse?.input).toEqual({ city: "Paris" });
    }
  });

  it("writes held text back as text when it is not a call, and does nothing when tools are off", () => {
    expect(streamThrough(["{braces} in prose\nmore"])).toEqual([{ text: "{braces} in prose\nmore" }]);
    expect(streamThrough(['{"name":"a","parameters":{}}'], false)).toEqual([{ text: '{"name":"a","parameters":{}}' }]);
  });
});

describe("toolInstructions", () => {
  it("lists the tools as function definitions and states the tool choice", () => {
    const text = toolInstructions({
      modelId: "m",
      toolConfig: { tools: [{ toolSpec: { name: "now", description: "Time", inputSchema: { json: { type: "object" } } } }], toolChoice: { tool: { name: "now" } } },
    });
    expect(text).toContain('"name":"now"');
    expect(text).toContain('You must call the function "now"');
    expect(toolInstructions({ modelId: "m" })).toBe("");
  });
});
