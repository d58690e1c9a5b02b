import type { ToolContext } from "@sluice/core";
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import * as zodMini from "zod/mini";
import { z as z3 } from "zod3";
import { defineTool } from "./define-tool.js";
import type { DefinedTool, ToolInput } from "./tool-definition.js";

// Type-level tests: they fail at `tsc` (and vitest's typecheck) when inference breaks.
describe("defineTool types", () => {
  it("infers the handler input from a zod 4 schema, defaults and transforms applied", () => {
    const tool = defineTool({
      name: "get_weather",
      description: "Weather",
      input: z.object({ city: z.string(), days: z.number().int().default(3), unit: z.enum(["c", "f"]).optional(), tags: z.array(z.string()).transform((t) => t.length) }),
      handler: (input, context) => {
        expectTypeOf(input).toEqualTypeOf<{ city: string; days: number; unit?: "c" | "f" | undefined; tags: number }>();
        expectTypeOf(context).toEqualTypeOf<ToolContext>();
        return "ok";
      },
    });
    expectTypeOf<ToolInput<typeof tool>>().toEqualTypeOf<{ city: string; days: number; unit?: "c" | "f" | undefined; tags: number }>();
    expectTypeOf(tool).toExtend<DefinedTool>();
  });

  it("infers the handler input from a zod 3 schema", () => {
    defineTool({
      name: "get_weather",
      description: "Weather",
      input: z3.object({ city: z3.string(), days: z3.number().default(3), when: z3.string().nullable() }),
      handler: (input) => {
        expectTypeOf(input).toEqualTypeOf<{ city: string; days: number; when: string | null }>();
        return { ok: true };
      },
    });
  });

  it("infers the handler input from a zod/mini schema", () => {
    defineTool({
      name: "mini",
      description: "Mini",
      input: zodMini.object({ id: zodMini.number() }),
      handler: (input) => {
        expectTypeOf(input).toEqualTypeOf<{ id: number }>();
      },
    });
  });

  it("gives unknown for a JSON Schema and an empty object without a schema", () => {
    defineTool({
      name: "raw",
      description: "Raw",
      input: { type: "object", properties: { a: { type: "string" } } },
      handler: (input) => {
        expectTypeOf(input).toEqualTypeOf<unknown>();
      },
    });
    defineTool({
      name: "now",
      description: "Now",
      handler: (input) => {
        expectTypeOf(input).toEqualTypeOf<Record<string, never>>();
        return new Date().toISOString();
      },
    });
  });

  it("types the return value by the output schema and the approval rule by the input", () => {
    defineTool({
      name: "sum",
      description: "Sum",
      input: z.object({ values: z.array(z.number()) }),
      output: z.object({ total: z.number() }),
      needsApproval: (input) => {
        expectTypeOf(input).toEqualTypeOf<{ values: number[] }>();
        return input.values.length > 3;
      },
      handler: ({ values }) => ({ total: values.reduce((a, b) => a + b, 0) }),
    });
    defineTool({
      name: "sum",
      description: "Sum",
      input: z.object({ values: z.array(z.number()) }),
      output: z.object({ total: z.number() }),
      // @ts-expect-error the output schema wants { total: number }
      handler: () => ({ total: "many" }),
    });
    defineTool({
      name: "typo",
      description: "Typo",
      input: z.object({ city: z.string() }),
      // @ts-expect-error no such field on the inferred input
      handler: (input) => input.town,
    });
  });
});
