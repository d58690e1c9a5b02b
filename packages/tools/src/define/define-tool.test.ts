import { toolContext } from "@sluice/core/testing";
import { Agent, ConfigurationError, ToolInputError, ToolRegistry, type ToolContext } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as zodMini from "zod/mini";
import { z as z3 } from "zod3";
import { toolResult } from "../results/tool-result.js";
import { defineTool, isDefinedTool } from "./define-tool.js";
import { ToolOutputError } from "../errors/tool-output-error.js";

const context: ToolContext = toolContext({ toolUseId: "tooluse_1" });

const weather4 = z.object({ city: z.string().describe("City name"), days: z.number().int().min(1).max(7).default(3) });
const weather3 = z3.object({ city: z3.string().describe("City name"), days: z3.number().int().min(1).max(7).default(3) });

describe("defineTool: the JSON Schema Bedrock gets", () => {
  it.each([
    ["zod 4", weather4],
    ["zod 3", weather3],
  ])("describes a %s object with type object on top, optional defaults, no $schema", (_label, schema) => {
    const tool = defineTool({ name: "get_weather", description: "Weather", input: schema, handler: () => "sunny" });
    expect(tool.inputSchema).toMatchObject({
      type: "object",
      properties: { city: { type: "string", description: "City name" }, days: { type: "integer", minimum: 1, maximum: 7, default: 3 } },
      required: ["city"],
    });
    expect(JSON.stringify(tool.inputSchema)).not.toMatch(/\$schema|\$ref|\$defs|definitions|9007199254740991/);
  });

  it("gives a tool without parameters an empty object schema and an empty input", async () => {
    let received: unknown;
    const tool = defineTool({ name: "now", description: "The time", handler: (input) => ((received = input), "noon") });
    expect(tool.inputSchema).toEqual({ type: "object", properties: {} });
    await expect(tool.invoke(undefined, context)).resolves.toEqual({ content: [{ text: "noon" }], status: "success" });
    expect(received).toEqual({});
    const empty = defineTool({ name: "empty", description: "No fields", input: z.object({}), handler: (input) => JSON.stringify(input) });
    expect(empty.inputSchema).toEqual({ type: "object", properties: {} });
    await expect(empty.invoke(null, context)).resolves.toMatchObject({ content: [{ text: "{}" }] });
  });

  it("inlines reused and recursive parts instead of $ref", () => {
    const point = z.object({ x: z.number() }).meta({ id: "Point" });
    type Node = { name: string; children: Node[] };
    const node: z.ZodType<Node> = z.object({ name: z.string(), get children() { return z.array(node); } });
    const tool = defineTool({ name: "shapes", description: "Shapes", input: z.object({ from: point, to: point, tree: node }), handler: () => "ok" });
    expect(JSON.stringify(tool.inputSchema)).not.toMatch(/\$ref|\$defs/);
    expect(tool.inputSchema["properties"]).toMatchObject({ from: { type: "object", properties: { x: { type: "number" } } }, to: { type: "object" } });
  });

  it("accepts zod/mini schemas through zod's JSON Schema function", () => {
    const tool = defineTool({ name: "mini", description: "Mini", input: zodMini.object({ id: zodMini.number() }), handler: () => "ok" });
    expect(tool.inputSchema).toEqual({ type: "object", properties: { id: { type: "number" } }, required: ["id"] });
  });

  it("takes a JSON Schema as given, minus $schema, with references inlined", async () => {
    const tool = defineTool({
      name: "raw",
      description: "Raw",
      input: { $schema: "http://json-schema.org/draft-07/schema#", type: "object", properties: { a: { $ref: "#/definitions/A" } }, definitions: { A: { type: "string" } } },
      handler: (input) => ({ echoed: input }),
    });
    expect(tool.inputSchema).toEqual({ type: "object", properties: { a: { type: "string" } } });
    // No zod schema: the handler gets the input unchecked.
    await expect(tool.invoke({ a: 1 }, context)).resolves.toEqual({ content: [{ json: { echoed: { a: 1 } } }], status: "success" });
  });
});

describe("defineTool: checking the definition", () => {
  it.each([
    [{ name: "$READFILE" }, /not accepted by Bedrock/],
    [{ name: "x".repeat(65) }, /not accepted by Bedrock/],
    [{ description: "  " }, /needs a description/],
    [{ handler: "nope" }, /needs a handler function/],
    [{ timeoutMs: 0 }, /timeoutMs must be a positive number/],
    [{ imageFormat: "bmp" }, /imageFormat must be one of png, jpeg, gif, webp/],
    [{ inputSchema: {} }, /unknown option "inputSchema"/],
    [{ input: z.string() }, /needs an object at the top/],
    [{ input: z.union([z.object({ a: z.string() }), z.object({ b: z.string() })]) }, /describes a union/],
    [{ input: new Map() }, /neither a zod schema/],
    [{ input: { type: "object", properties: { a: { $ref: "https://example.com/a.json" } } } }, /only references inside the schema/],
  ])("refuses %o", (override, message) => {
    const definition = { name: "ok_name", description: "Fine", handler: () => "ok", ...override };
    expect(() => defineTool(definition as never)).toThrow(message);
    expect(() => defineTool(definition as never)).toThrow(ConfigurationError);
  });

  it("produces tools that core's registry accepts, refusing duplicate names within an agent", () => {
    const first = defineTool({ name: "lookup", description: "One", handler: () => "a" });
    const second = defineTool({ name: "lookup", description: "Two", handler: () => "b" });
    expect(isDefinedTool(first)).toBe(true);
    expect(new ToolRegistry([first]).toBedrockTools()).toEqual([{ toolSpec: { name: "lookup", description: "One", inputSchema: { json: { type: "object", properties: {} } } } }]);
    expect(() => new Agent({ modelId: "amazon.nova-lite-v1:0", tools: [first, second] })).toThrow(/Two tools are named "lookup"/);
  });
});

describe("defineTool: input the model sends", () => {
  it.each([
    ["zod 4", weather4],
    ["zod 3", weather3],
  ])("turns %s issues into one readable line in a ToolInputError", async (_label, schema) => {
    const tool = defineTool({ name: "get_weather", description: "Weather", input: schema, handler: () => "sunny" });
    const error = await tool.invoke({ city: 42, days: 9 }, context).catch((e: unknown) => e);
    expect(ToolInputError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      "city: expected string, received number; days: must be at most 7. Call the tool again with corrected input.",
    );
  });

  it("hands the parsed value (defaults filled in) to the handler, with the context", async () => {
    const seen: unknown[] = [];
    const tool = defineTool({ name: "get_weather", description: "Weather", input: weather4, handler: (input, ctx) => (seen.push(input, ctx.toolUseId), "ok") });
    await tool.invoke({ city: "Oslo" }, context);
    expect(seen).toEqual([{ city: "Oslo", days: 3 }, "tooluse_1"]);
    await expect(tool.parseInput({})).rejects.toThrow("city: is required (expected string)");
  });
});

describe("defineTool: results", () => {
  it("checks the output schema and sends the parsed value as JSON", async () => {
    const make = (total: unknown) =>
      defineTool({ name: "sum", description: "Sum", output: z.object({ total: z.number() }), handler: () => ({ total }) as { total: number } });
    await expect(make(5).invoke({}, context)).resolves.toEqual({ content: [{ json: { total: 5 } }], status: "success" });
    const error = await make("five").invoke({}, context).catch((e: unknown) => e);
    expect(ToolOutputError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe('Tool "sum" returned output that does not match its output schema: total: expected number, received string "five"');
  });

  it("lets an explicit toolResult through without the output check, with its status", async () => {
    const tool = defineTool({ name: "find", description: "Find", output: z.object({ id: z.string() }), handler: () => toolResult("Nothing found", { status: "error" }) });
    await expect(tool.invoke({}, context)).resolves.toEqual({ content: [{ text: "Nothing found" }], status: "error" });
  });

  it("evaluates a needsApproval rule on the parsed input", async () => {
    const transfer = defineTool({
      name: "transfer",
      description: "Move money",
      input: z.object({ amount: z.number() }),
      needsApproval: ({ amount }) => amount > 100,
      handler: () => "done",
    });
    expect(transfer.hasApprovalRule).toBe(true);
    await expect(transfer.requiresApproval({ amount: 500 }, context)).resolves.toBe(true);
    await expect(transfer.requiresApproval({ amount: 5 }, context)).resolves.toBe(false);
    await expect(transfer.requiresApproval({ amount: "lots" }, context)).resolves.toBe(false);
    const plain = defineTool({ name: "plain", description: "Plain", handler: () => "x" });
    expect(plain.hasApprovalRule).toBe(false);
    await expect(plain.requiresApproval({}, context)).resolves.toBe(false);
  });
});
