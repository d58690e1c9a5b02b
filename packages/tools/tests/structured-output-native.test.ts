import { Agent, ModelCapabilityError, createBedrockClient } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool, structuredOutput } from "../src/index.js";
import { useEmulator } from "./emulator-fixture.js";

const local = useEmulator();

const verdictSchema = z.object({
  sentiment: z.enum(["positive", "negative", "mixed"]),
  confidence: z.number().min(0).max(1),
});

function agentFor(modelId: string, verdict: ReturnType<typeof structuredOutput<typeof verdictSchema>>, extra: Partial<ConstructorParameters<typeof Agent>[0]> = {}): Agent {
  const client = createBedrockClient({ endpoint: local.emulator.url, region: "us-east-1", credentials: { accessKeyId: "t", secretAccessKey: "t" }, maxAttempts: 1 });
  return new Agent({ modelId, client, tools: [verdict.tool], middleware: [verdict.middleware], ...extra });
}

const textFormatOf = (index: number) => (local.body(index) as { outputConfig?: { textFormat?: { type: string; structure: { jsonSchema: { schema: string; name: string } } } } }).outputConfig?.textFormat;

describe("native structured output over HTTP", () => {
  it("uses outputConfig.textFormat where the model has it and reads the answer from the JSON text", async () => {
    const verdict = structuredOutput({ schema: verdictSchema });
    const agent = agentFor("us.anthropic.claude-sonnet-4-5-20250929-v1:0", verdict);
    const { value, result } = await verdict.send(agent, "Classify: 'I love it'");
    expect(verdictSchema.parse(value)).toEqual(value);
    expect(local.emulator.requests).toHaveLength(1);
    const format = textFormatOf(0);
    expect(format?.type).toBe("json_schema");
    expect(format?.structure.jsonSchema.name).toBe("final_answer");
    // Closed objects, and without the numeric bounds Claude's compiler refuses (checked locally instead).
    expect(JSON.parse(format?.structure.jsonSchema.schema ?? "{}")).toMatchObject({ type: "object", additionalProperties: false, properties: { confidence: { type: "number" } } });
    expect(format?.structure.jsonSchema.schema).not.toContain("maximum");
    // The answer tool is not offered: no tools were left, so no toolConfig is sent.
    expect(local.body(0).toolConfig).toBeUndefined();
    expect(result.status).toBe("complete");
    await local.expectHistoryAccepted(agent);
  });

  it("works together with extended thinking, where a forced answer tool would be refused", async () => {
    const verdict = structuredOutput({ schema: verdictSchema });
    const thinking = { thinking: { type: "enabled", budget_tokens: 1024 } };
    const agent = agentFor("us.anthropic.claude-sonnet-4-5-20250929-v1:0", verdict, { additionalModelRequestFields: thinking });
    const { value } = await verdict.send(agent, "Classify: 'meh'");
    expect(["positive", "negative", "mixed"]).toContain(value.sentiment);
    expect(local.emulator.requests.at(-1)?.response?.status).toBe(200);
  });

  it("keeps the agent's other tools and answers after using them", async () => {
    const verdict = structuredOutput({ schema: verdictSchema });
    const lookup = defineTool({ name: "lookup_review", description: "Finds the review.", input: z.object({ id: z.string() }), handler: () => "I love it" });
    local.emulator.enqueue([{ toolCalls: [{ name: "lookup_review", input: { id: "r1" } }] }]);
    const agent = agentFor("qwen.qwen3-32b-v1:0", verdict, { tools: [lookup, verdict.tool] });
    const { value } = await verdict.send(agent, "Classify review r1");
    expect(verdictSchema.safeParse(value).success).toBe(true);
    expect(local.emulator.requests).toHaveLength(2);
    expect(local.body(0).toolConfig?.["tools"].map((tool: { toolSpec: { name: string } }) => tool.toolSpec.name)).toEqual(["lookup_review"]);
    expect(textFormatOf(1)).toBeDefined();
  });

  it("falls back to the answer tool where the model has no native structured output, not forcing it under thinking", async () => {
    const verdict = structuredOutput({ schema: verdictSchema });
    local.emulator.enqueue({ toolCalls: [{ name: "final_answer", input: { sentiment: "positive", confidence: 0.8 } }] });
    const thinking = { thinking: { type: "enabled", budget_tokens: 1024 } };
    const agent = agentFor("us.anthropic.claude-3-7-sonnet-20250219-v1:0", verdict, { additionalModelRequestFields: thinking });
    expect((await verdict.send(agent, "Classify")).value).toEqual({ sentiment: "positive", confidence: 0.8 });
    expect(textFormatOf(0)).toBeUndefined();
    expect(local.body(0).toolConfig?.["toolChoice"]).toBeUndefined();
    expect(local.emulator.requests[0]?.response?.status).toBe(200);
  });

  it("marks the answer tool strict where the model takes strict tools, and refuses where it does not", async () => {
    const strict = structuredOutput({ schema: z.object({ answer: z.string() }), mode: "tool", strict: true });
    local.emulator.enqueue({ toolCalls: [{ name: "final_answer", input: { answer: "yes" } }] });
    const agent = agentFor("us.anthropic.claude-haiku-4-5-20251001-v1:0", strict as never);
    expect((await strict.send(agent, "Yes or no?")).value).toEqual({ answer: "yes" });
    expect(local.body(0).toolConfig?.["tools"][0].toolSpec.strict).toBe(true);
    expect(local.emulator.requests[0]?.response?.status).toBe(200);
    const sonnet5 = agentFor("us.anthropic.claude-sonnet-5", strict as never);
    await expect(strict.send(sonnet5, "Yes or no?")).rejects.toSatisfy((error: unknown) => ModelCapabilityError.isInstance(error) && error.capability === "strictTools");
  });

  it("refuses mode native on a model without it, before any call", async () => {
    const verdict = structuredOutput({ schema: verdictSchema, mode: "native" });
    const error = await verdict.send(agentFor("us.amazon.nova-lite-v1:0", verdict), "Classify").catch((caught: unknown) => caught);
    expect(ModelCapabilityError.isInstance(error) && error.capability).toBe("nativeStructuredOutput");
    expect(local.emulator.requests).toHaveLength(0);
  });
});
