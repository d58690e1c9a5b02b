import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { z as z3 } from "zod3";
import { defineTool, structuredOutput, StructuredOutputError } from "../src/index.js";
import { useEmulator } from "./emulator-fixture.js";

const local = useEmulator();

const verdictSchema = z.object({
  sentiment: z.enum(["positive", "negative", "mixed"]),
  confidence: z.number().min(0).max(1),
  quotes: z.array(z.string()).default([]),
});

describe("structured output over HTTP", () => {
  it("retries once after an invalid answer, then returns the typed value without another model call", async () => {
    const verdict = structuredOutput({ schema: verdictSchema });
    local.emulator.enqueue([
      { toolCalls: [{ name: "final_answer", input: { sentiment: "great", confidence: 2 } }] },
      { toolCalls: [{ name: "final_answer", input: { sentiment: "positive", confidence: 0.9 } }] },
    ]);
    const agent = local.agent({ tools: [verdict.tool], middleware: [verdict.middleware] });
    const { value, result } = await verdict.send(agent, "Classify: 'I love it'");
    expectTypeOf(value).toEqualTypeOf<{ sentiment: "positive" | "negative" | "mixed"; confidence: number; quotes: string[] }>();
    expect(value).toEqual({ sentiment: "positive", confidence: 0.9, quotes: [] });
    expect(result.status).toBe("complete");
    expect(local.emulator.requests).toHaveLength(2);
    // The model must answer through a tool, and it was told exactly what was wrong.
    expect(local.body(0).toolConfig?.["toolChoice"]).toEqual({ any: {} });
    expect(local.body(1).messages?.at(-1)?.content[0]?.["toolResult"]).toMatchObject({
      status: "error",
      content: [
        {
          text:
            'Invalid input for final_answer: sentiment: must be one of "positive", "negative", "mixed", received string "great"; ' +
            "confidence: must be at most 1. Call the tool again with corrected input.",
        },
      ],
    });
    // The run ended on the valid answer's tool result; the next turn joins that user message.
    expect(agent.conversation.lastMessage?.content?.[0]?.toolResult?.status).toBe("success");
    await local.expectHistoryAccepted(agent);
  });

  it("gives up after maxRetries invalid answers, rolling the turn back", async () => {
    const verdict = structuredOutput({ schema: verdictSchema, maxRetries: 1 });
    const agent = local.agent({ tools: [verdict.tool], middleware: [verdict.middleware] });
    await agent.send("Hello");
    local.emulator.enqueue([
      { toolCalls: [{ name: "final_answer", input: { sentiment: "meh" } }] },
      { toolCalls: [{ name: "final_answer", input: { sentiment: "meh", confidence: 0.5 } }] },
    ]);
    const error = await verdict.send(agent, "Classify: 'hm'").catch((e: unknown) => e);
    expect(StructuredOutputError.isInstance(error)).toBe(true);
    expect((error as StructuredOutputError).problem).toMatch(/^Invalid input for final_answer: sentiment: must be one of/);
    expect((error as Error).message).toMatch(/gave 2 invalid answers to final_answer \(maxRetries is 1\)/);
    expect(local.emulator.requests).toHaveLength(3);
    expect(agent.conversation.length).toBe(2);
    await local.expectHistoryAccepted(agent);
  });

  it("lets the model use other tools first, with a zod 3 schema and toolChoice auto", async () => {
    const lookup = defineTool({ name: "lookup_price", description: "Price of an item", input: z3.object({ item: z3.string() }), handler: () => "4.20 EUR" });
    const quote = structuredOutput({ schema: z3.object({ item: z3.string(), price: z3.number() }), name: "submit_quote", toolChoice: "auto" });
    local.emulator.enqueue([
      { toolCalls: [{ name: "lookup_price", input: { item: "coffee" } }] },
      { text: "Here it is.", toolCalls: [{ name: "submit_quote", input: { item: "coffee", price: 4.2 } }] },
    ]);
    const agent = local.agent({ tools: [lookup, quote.tool], middleware: [quote.middleware] });
    const { value } = await quote.send(agent, "Quote a coffee");
    expectTypeOf(value).toEqualTypeOf<{ item: string; price: number }>();
    expect(value).toEqual({ item: "coffee", price: 4.2 });
    expect(local.body(0).toolConfig?.["toolChoice"]).toBeUndefined();
    expect(local.emulator.requests).toHaveLength(2);
    await local.expectHistoryAccepted(agent);
  });

  it("reports a model that ends its turn without answering, keeping that turn", async () => {
    const verdict = structuredOutput({ schema: verdictSchema, toolChoice: "auto" });
    local.emulator.enqueue([{ text: "I would rather chat." }]);
    const agent = local.agent({ tools: [verdict.tool], middleware: [verdict.middleware] });
    const error = await verdict.send(agent, "Classify: 'ok'").catch((e: unknown) => e);
    expect(StructuredOutputError.isInstance(error)).toBe(true);
    expect((error as StructuredOutputError).result?.text).toBe("I would rather chat.");
    expect(agent.conversation.length).toBe(2);
    await local.expectHistoryAccepted(agent);
  });

  it("reads the answer from a streamed run", async () => {
    const verdict = structuredOutput({ schema: verdictSchema });
    local.emulator.enqueue([{ toolCalls: [{ name: "final_answer", input: { sentiment: "mixed", confidence: 0.5, quotes: ["so-so"] } }] }]);
    const agent = local.agent({ tools: [verdict.tool], middleware: [verdict.middleware] });
    const stream = agent.stream("Classify: 'so-so'");
    const texts: string[] = [];
    for await (const event of stream) if (event.type === "text-delta") texts.push(event.text);
    const result = await stream.result;
    expect(await verdict.read(result)).toEqual({ sentiment: "mixed", confidence: 0.5, quotes: ["so-so"] });
    expect(texts.join("")).toBe(result.text);
    await local.expectHistoryAccepted(agent);
  });

  it("refuses an agent that has the middleware but not the tool", async () => {
    const verdict = structuredOutput({ schema: verdictSchema });
    const agent = local.agent({ middleware: [verdict.middleware] });
    await expect(verdict.send(agent, "Classify")).rejects.toThrow(/add structured.tool to the agent's tools/);
    expect(() => structuredOutput({ schema: verdictSchema, maxRetries: -1 })).toThrow(/maxRetries must be a whole number/);
  });
});
