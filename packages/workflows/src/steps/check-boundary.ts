import { ConfigurationError } from "@sluice/core";
import { summarizeIssues, type InferSchemaInput, type InferSchemaOutput, type ZodSchemaLike } from "@sluice/tools";
import { isZod3Schema, isZod4Schema, validateValue } from "@sluice/tools/internal";
import { StepValidationError, type StepBoundary } from "../errors/step-validation-error.js";

/** The type a schema produces, or `Fallback` when there is no schema. */
export type SchemaOutputOr<Schema, Fallback> = [Schema] extends [undefined] ? Fallback : InferSchemaOutput<Schema>;
/** The type a schema accepts, or `Fallback` when there is no schema. */
export type SchemaInputOr<Schema, Fallback> = [Schema] extends [undefined] ? Fallback : InferSchemaInput<Schema>;

/**
 * Checks a value at a step's boundary with its zod schema; gives the parsed value or throws
 * `StepValidationError`. Without a schema the value comes back as it is, synchronously (no
 * promise to wait for on the hot path of schema-less steps).
 */
export function checkBoundary<Value>(schema: ZodSchemaLike | undefined, value: unknown, path: string, boundary: StepBoundary): Value | Promise<Value> {
  if (schema === undefined) return value as Value;
  return validated<Value>(schema, value, path, boundary);
}

async function validated<Value>(schema: ZodSchemaLike, value: unknown, path: string, boundary: StepBoundary): Promise<Value> {
  const outcome = await validateValue<Value>(schema, value);
  if (outcome.success) return outcome.value;
  throw new StepValidationError(path, boundary, summarizeIssues(outcome.issues, value), outcome.issues);
}

/** Refuses, when a step is defined, a schema option that is not a zod schema. */
export function checkSchemaOption(value: unknown, option: string, owner: string): void {
  if (value !== undefined && !isZod4Schema(value) && !isZod3Schema(value)) {
    throw new ConfigurationError(`${owner}: ${option} must be a zod schema (zod 3 or 4), e.g. ${option}: z.object({ … }).`);
  }
}
