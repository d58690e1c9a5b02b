import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { Emulator } from "../../src/index.js";

/** Dummy credentials: the emulator accepts any signature. */
export const testCredentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };

/** The two transports the AWS SDK can use against the emulator. */
export const transports = ["http2", "http1"] as const;
export type Transport = (typeof transports)[number];

/**
 * An AWS SDK client pointed at the emulator: default HTTP/2 handler, or HTTP/1.1 via
 * NodeHttpHandler; retries off unless `maxAttempts` says otherwise.
 */
export function bedrockClient(emulator: Emulator, transport: Transport = "http1", maxAttempts = 1): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    endpoint: emulator.url,
    region: "us-east-1",
    credentials: testCredentials,
    maxAttempts,
    ...(transport === "http1" ? { requestHandler: new NodeHttpHandler() } : {}),
  });
}

/** A user message with one text block. */
export function userText(text: string): { role: "user"; content: Array<{ text: string }> } {
  return { role: "user", content: [{ text }] };
}

/** POSTs raw JSON to the emulator over HTTP/1.1 (fetch) and returns status, headers and body text. */
export async function postJson(
  emulator: Emulator,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; text: string; bytes: Uint8Array }> {
  const response = await fetch(`${emulator.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer test", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, text: Buffer.from(bytes).toString("utf8"), bytes };
}
