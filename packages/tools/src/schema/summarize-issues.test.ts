import { describe, expect, it } from "vitest";
import { z } from "zod";
import { z as z3 } from "zod3";
import { summarizeIssues } from "./summarize-issues.js";
import { validateValue } from "./validate-value.js";
import type { ZodSchemaLike } from "./schema-types.js";

async function summary(schema: ZodSchemaLike, value: unknown): Promise<string> {
  const outcome = await validateValue(schema, value);
  if (outcome.success) throw new Error("expected a failure");
  return summarizeIssues(outcome.issues, value);
}

describe("summarizeIssues: the same short words for zod 4 and zod 3", () => {
  const cases: Array<[string, ZodSchemaLike, ZodSchemaLike, unknown, string]> = [
    ["a missing field", z.object({ city: z.string() }), z3.object({ city: z3.string() }), {}, "city: is required (expected string)"],
    ["a wrong nested type", z.object({ list: z.array(z.object({ b: z.boolean() })) }), z3.object({ list: z3.array(z3.object({ b: z3.boolean() })) }), { list: [{ b: "x" }] }, 'list[0].b: expected boolean, received string "x"'],
    ["a too short string", z.object({ code: z.string().min(3) }), z3.object({ code: z3.string().min(3) }), { code: "ab" }, "code: must have at least 3 characters"],
    ["too many items", z.object({ ids: z.array(z.number()).max(2) }), z3.object({ ids: z3.array(z3.number()).max(2) }), { ids: [1, 2, 3] }, "ids: must have at most 2 items"],
    ["an exclusive bound", z.object({ n: z.number().positive() }), z3.object({ n: z3.number().positive() }), { n: 0 }, "n: must be more than 0"],
    ["an enum", z.object({ unit: z.enum(["c", "f"]) }), z3.object({ unit: z3.enum(["c", "f"]) }), { unit: "k" }, 'unit: must be one of "c", "f", received string "k"'],
    ["a literal", z.object({ kind: z.literal("x") }), z3.object({ kind: z3.literal("x") }), { kind: "y" }, 'kind: must be "x"'],
    ["an unknown key", z.object({ a: z.string() }).strict(), z3.object({ a: z3.string() }).strict(), { a: "", zz: 1 }, 'input: unexpected key "zz"'],
    ["an email", z.object({ to: z.email() }), z3.object({ to: z3.string().email() }), { to: "nobody" }, "to: must be a valid email"],
    ["a union", z.object({ v: z.union([z.string(), z.number()]) }), z3.object({ v: z3.union([z3.string(), z3.number()]) }), { v: true }, "v: matches none of the allowed shapes"],
    ["a non-object input", z.object({ a: z.string() }), z3.object({ a: z3.string() }), "text", 'input: expected object, received string "text"'],
    ["a multiple", z.object({ n: z.number().multipleOf(5) }), z3.object({ n: z3.number().multipleOf(5) }), { n: 7 }, "n: must be a multiple of 5"],
    ["a refinement", z.object({ n: z.number().refine((n) => n % 2 === 0, "must be even") }), z3.object({ n: z3.number().refine((n) => n % 2 === 0, "must be even") }), { n: 3 }, "n: must be even"],
  ];
  it.each(cases)("%s", async (_label, schema4, schema3, value, expected) => {
    expect(await summary(schema4, value)).toBe(expected);
    expect(await summary(schema3, value)).toBe(expected);
  });

  it("lists at most the limit and counts the rest", () => {
    const issues = Array.from({ length: 5 }, (_, index) => ({ code: "custom", message: `bad ${index}`, path: [`f${index}`] }));
    expect(summarizeIssues(issues, {}, 2)).toBe("f0: bad 0; f1: bad 1; and 3 more");
  });

  it("quotes keys that are not identifiers", () => {
    expect(summarizeIssues([{ code: "custom", message: "bad", path: ["a b", 0] }], {})).toBe('["a b"][0]: bad');
  });
});
