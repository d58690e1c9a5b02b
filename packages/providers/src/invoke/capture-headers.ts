import type { InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

/** Response headers by name (lower case, as Node delivers them). */
export type Headers = Record<string, string | undefined>;

/**
 * Adds a middleware to one InvokeModel command that copies the raw HTTP response headers into
 * `into.headers`: the token-count and latency headers are not part of the SDK's modelled output.
 *
 * @example
 * const captured = { headers: {} };
 * captureHeaders(command, captured);
 * await client.send(command);
 * captured.headers["x-amzn-bedrock-input-token-count"]; // "21"
 */
export function captureHeaders(command: InvokeModelCommand, into: { headers: Headers }): void {
  command.middlewareStack.add(
    (next) =>
      async function captureInvokeModelHeaders(args) {
        const result = await next(args);
        const response = result.response as { headers?: Headers } | undefined;
        if (response?.headers) into.headers = response.headers;
        return result;
      },
    { step: "deserialize", name: "sluiceCaptureInvokeModelHeaders" },
  );
}
