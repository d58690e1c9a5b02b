import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** The recorded Bedrock traffic shared by the team, beside the repository (never copied into it). */
export const fixturesRoot = path.resolve(repoRoot, "../shared/fixtures");

/** True when the shared fixtures folder is present; tests that need it skip (with a warning) otherwise. */
export const fixturesPresent = existsSync(fixturesRoot);
if (!fixturesPresent) console.warn(`[providers] ${fixturesRoot} is missing: fixture tests are skipped.`);

/** One recorded HTTP exchange. */
export interface RecordedInteraction {
  uri: string;
  requestBody: Record<string, unknown>;
  /** Request headers, names in lower case. */
  requestHeaders: Record<string, string>;
  responseText: string;
  /** The response body bytes exactly as recorded (an event stream for streaming calls). */
  responseBytes: Uint8Array;
  responseHeaders: Record<string, string>;
  status: number;
}

function text(value: unknown): string {
  if (value instanceof Uint8Array) return Buffer.from(value).toString("utf8");
  return String(value ?? "");
}

function bytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  return new TextEncoder().encode(String(value ?? ""));
}

/**
 * The interactions of a VCR cassette, e.g. `dd-trace-py-bedrock-cassettes/anthropic_message_invoke.yaml`.
 */
export function loadCassette(relativePath: string): RecordedInteraction[] {
  const document = parse(readFileSync(path.join(fixturesRoot, relativePath), "utf8")) as {
    interactions: Array<{
      request: { uri: string; body?: unknown; parsed_body?: unknown; headers?: Record<string, unknown[]> };
      response: { body?: { string: unknown }; parsed_body?: unknown; headers: Record<string, unknown[]>; status: { code: number } };
    }>;
  };
  // pydantic-ai's recorder keeps JSON bodies re-serialised as `parsed_body` (an object, or JSON text).
  const jsonText = (parsed: unknown) => (typeof parsed === "string" ? parsed : JSON.stringify(parsed));
  return document.interactions.map((interaction) => {
    const headers: Record<string, string> = {};
    for (const [name, values] of Object.entries(interaction.response.headers ?? {})) headers[name.toLowerCase()] = text(values[0]);
    const requestHeaders: Record<string, string> = {};
    for (const [name, values] of Object.entries(interaction.request.headers ?? {})) requestHeaders[name.toLowerCase()] = text(values[0]);
    const requestText = interaction.request.parsed_body === undefined ? text(interaction.request.body) : jsonText(interaction.request.parsed_body);
    const responseBody = interaction.response.parsed_body === undefined ? interaction.response.body?.string : jsonText(interaction.response.parsed_body);
    return {
      uri: interaction.request.uri,
      requestBody: requestText === "" ? {} : (JSON.parse(requestText) as Record<string, unknown>),
      requestHeaders,
      responseText: text(responseBody),
      responseBytes: bytes(responseBody),
      responseHeaders: headers,
      status: interaction.response.status.code,
    };
  });
}

/** The decoded native chunk JSON of every frame of a recorded InvokeModelWithResponseStream body. */
export function loadStreamChunks(relativePath: string): Array<Record<string, unknown>> {
  return readFileSync(path.join(fixturesRoot, relativePath), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => (JSON.parse(line) as { chunk_json: Record<string, unknown> }).chunk_json);
}
