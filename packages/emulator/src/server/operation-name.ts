/**
 * The Bedrock Runtime operations the emulator serves.
 */
export type OperationName =
  | "Converse"
  | "ConverseStream"
  | "InvokeModel"
  | "InvokeModelWithResponseStream"
  | "CountTokens";

/**
 * All operation names, for validation and help text.
 *
 * @example
 * operationNames.includes("ConverseStream"); // true
 */
export const operationNames: readonly OperationName[] = Object.freeze([
  "Converse",
  "ConverseStream",
  "InvokeModel",
  "InvokeModelWithResponseStream",
  "CountTokens",
]);

/**
 * True for the operations that answer with an event stream.
 *
 * @example
 * isStreamingOperation("ConverseStream"); // true
 */
export function isStreamingOperation(operation: OperationName): boolean {
  return operation === "ConverseStream" || operation === "InvokeModelWithResponseStream";
}
