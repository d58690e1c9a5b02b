import type { ZodSchemaLike } from "./schema-types.js";

/** One problem a schema found, as zod 3 or zod 4 reports it (fields vary by `code`). */
export interface SchemaIssue {
  readonly code?: string;
  readonly message: string;
  readonly path: ReadonlyArray<PropertyKey>;
  readonly [field: string]: unknown;
}

/** The outcome of `validateValue`. */
export type ValidationOutcome<Value> =
  | { readonly success: true; readonly value: Value }
  | { readonly success: false; readonly issues: readonly SchemaIssue[] };

interface StandardProps {
  validate(value: unknown): StandardResult | Promise<StandardResult>;
}
type StandardResult = { value?: unknown; issues?: ReadonlyArray<{ message: string; path?: ReadonlyArray<unknown> }> };

/**
 * Parses `value` with a zod 3 or zod 4 schema through the schema's own Standard Schema entry
 * point, so the zod copy that built the schema does the work (async refinements included).
 *
 * @example
 * const outcome = await validateValue(z.object({ city: z.string() }), { city: 3 });
 * if (!outcome.success) console.log(outcome.issues[0]?.path); // ["city"]
 */
export async function validateValue<Value>(schema: ZodSchemaLike, value: unknown): Promise<ValidationOutcome<Value>> {
  return validateNow<Value>(schema, value);
}

/**
 * `validateValue`, without a promise when the schema validates synchronously (zod 4's Standard
 * Schema entry point does, unless the schema has async refinements): a tool call's input check
 * then costs no extra turns of the event loop.
 */
export function validateNow<Value>(schema: ZodSchemaLike, value: unknown): ValidationOutcome<Value> | Promise<ValidationOutcome<Value>> {
  const standard = (schema as { "~standard"?: StandardProps })["~standard"];
  const result = standard
    ? standard.validate(value)
    : legacyParse(schema as { safeParseAsync(value: unknown): Promise<{ success: boolean; data?: unknown; error?: { issues: StandardResult["issues"] } }> }, value);
  return result instanceof Promise ? result.then((settled) => outcomeOf<Value>(settled)) : outcomeOf<Value>(result);
}

function outcomeOf<Value>(result: StandardResult): ValidationOutcome<Value> {
  if (!result.issues) return { success: true, value: result.value as Value };
  return { success: false, issues: result.issues.map(normalizeIssue) };
}

async function legacyParse(
  schema: { safeParseAsync(value: unknown): Promise<{ success: boolean; data?: unknown; error?: { issues: StandardResult["issues"] } }> },
  value: unknown,
): Promise<StandardResult> {
  const parsed = await schema.safeParseAsync(value);
  return parsed.success ? { value: parsed.data } : { issues: parsed.error?.issues ?? [{ message: "Invalid input" }] };
}

function normalizeIssue(issue: { message: string; path?: ReadonlyArray<unknown> }): SchemaIssue {
  const path = (issue.path ?? []).map((segment) =>
    typeof segment === "object" && segment !== null && "key" in segment ? (segment as { key: PropertyKey }).key : (segment as PropertyKey),
  );
  return { ...issue, path } as SchemaIssue;
}
