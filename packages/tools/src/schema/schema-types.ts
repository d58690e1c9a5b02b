/**
 * A zod 4 schema (from `zod@4`, `zod/mini`, or zod 3.25's `zod/v4`), recognised by shape so
 * Sluice works with whichever zod copy the application installed.
 */
export interface Zod4SchemaLike {
  readonly _zod: { readonly input: unknown; readonly output: unknown };
}

/** A zod 3 schema (`zod@3` or zod 4's `zod/v3`), recognised by shape. */
export interface Zod3SchemaLike {
  readonly _def: unknown;
  readonly _input: unknown;
  readonly _output: unknown;
  safeParseAsync(value: unknown): Promise<unknown>;
}

/**
 * A schema of either zod major version.
 *
 * @example
 * const schemas: ZodSchemaLike[] = [z4.object({ a: z4.string() }), z3.object({ a: z3.string() })];
 */
export type ZodSchemaLike = Zod4SchemaLike | Zod3SchemaLike;

/**
 * A JSON Schema written by hand. Tool inputs need `type: "object"` at the top (Bedrock's rule);
 * a tool given one gets its input as `unknown` and checks it itself.
 *
 * @example
 * const schema: JsonSchemaObject = { type: "object", properties: { city: { type: "string" } }, required: ["city"] };
 */
export interface JsonSchemaObject {
  readonly type: "object";
  readonly [keyword: string]: unknown;
}

/** What `defineTool`'s `input` accepts. */
export type ToolInputSchema = ZodSchemaLike | JsonSchemaObject;

/**
 * The value a schema produces after parsing (`z.infer` / `z.output`), for zod 3 and zod 4
 * alike; `unknown` for a hand-written JSON Schema.
 *
 * @example
 * type Weather = InferSchemaOutput<typeof weatherInput>; // { city: string; days: number }
 */
export type InferSchemaOutput<Schema> = Schema extends { readonly _zod: { readonly output: infer Output } }
  ? Output
  : Schema extends { readonly _output: infer Output }
    ? Output
    : unknown;

/**
 * The value a schema accepts before parsing (`z.input`), for zod 3 and zod 4 alike; `unknown`
 * for a hand-written JSON Schema.
 *
 * @example
 * type Raw = InferSchemaInput<typeof weatherInput>; // { city: string; days?: number | undefined }
 */
export type InferSchemaInput<Schema> = Schema extends { readonly _zod: { readonly input: infer Input } }
  ? Input
  : Schema extends { readonly _input: infer Input }
    ? Input
    : unknown;

/**
 * The input a tool's handler receives: parsed by the zod schema, `unknown` for a JSON Schema, an
 * empty object without one.
 *
 * @example
 * type Input = InferToolInput<typeof weatherSchema>; // { city: string }
 */
export type InferToolInput<Schema> = [Schema] extends [undefined] ? Record<string, never> : InferSchemaOutput<Schema>;
