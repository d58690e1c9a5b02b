import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { fixturesRoot } from "../helpers/recorded-fixtures.js";

/** One recorded InvokeModel or InvokeModelWithResponseStream call. */
export interface RecordedInvocation {
  /** `<folder>/<cassette>.yaml#<index>`, for test names. */
  label: string;
  cassette: string;
  index: number;
  /** Decoded model ID from the request path. */
  modelId: string;
  stream: boolean;
  status: number;
  requestBody: unknown;
  /** Parsed JSON body of a non-stream answer. */
  responseBody?: unknown;
  /** Decoded native chunks of a stream answer, in order (from `decoded/*.jsonl`). */
  chunks?: Array<Record<string, unknown>>;
  /** Response headers, lower-cased names, first value. */
  headers: Record<string, string>;
  /**
   * True when the recorder re-serialised the JSON bodies (`parsed_body`, pydantic-ai): values are
   * the service's, key order is the recorder's (sorted), not the service's.
   */
  reserialized: boolean;
}

function text(value: unknown): string {
  if (value instanceof Uint8Array) return Buffer.from(value).toString("utf8");
  if (typeof value === "object" && value !== null && "string" in value) return text((value as { string: unknown }).string);
  return typeof value === "string" ? value : "";
}

function headerMap(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, values] of Object.entries(headers ?? {})) {
    const first = Array.isArray(values) ? values[0] : values;
    out[name.toLowerCase()] = text(first);
  }
  return out;
}

function decodedChunks(folder: string, cassette: string, index: number): Array<Record<string, unknown>> | undefined {
  const file = path.join(fixturesRoot, folder, "decoded", `${cassette.replace(/\.yaml$/, "")}.${index}.jsonl`);
  if (!existsSync(file)) return undefined;
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => (JSON.parse(line) as { chunk_json?: Record<string, unknown> }).chunk_json)
    .filter((chunk): chunk is Record<string, unknown> => chunk !== undefined);
}

interface CassetteInteraction {
  request: { uri: string; body?: unknown; parsed_body?: unknown };
  response: { status: { code: number }; headers?: Record<string, unknown>; body?: unknown; parsed_body?: unknown };
}

/** A body's JSON text: the recorded bytes, or the recorder's re-serialised `parsed_body` (an object, or JSON text). */
function bodyText(message: { body?: unknown; parsed_body?: unknown }): string {
  if (message.parsed_body === undefined) return text(message.body);
  return typeof message.parsed_body === "string" ? message.parsed_body : JSON.stringify(message.parsed_body);
}

/**
 * Every recorded InvokeModel / InvokeModelWithResponseStream interaction in the shared fixtures
 * (VCR YAML cassettes), with stream chunks read from the decoded JSONL files.
 *
 * @example
 * const calls = fixturesPresent ? recordedInvocations() : [];
 */
export function recordedInvocations(): RecordedInvocation[] {
  const out: RecordedInvocation[] = [];
  for (const folder of readdirSync(fixturesRoot).sort()) {
    const folderPath = path.join(fixturesRoot, folder);
    if (!existsSync(path.join(folderPath, "INDEX.md"))) continue;
    for (const cassette of readdirSync(folderPath).filter((name) => name.endsWith(".yaml")).sort()) {
      const source = readFileSync(path.join(folderPath, cassette), "utf8");
      // Only cassettes with native calls are parsed (a few Converse ones are not strict YAML).
      if (!/uri: \S+\/(?:invoke|invoke-with-response-stream)\s*$/m.test(source)) continue;
      const document = parse(source, { customTags: ["binary"] }) as { interactions?: CassetteInteraction[] };
      (document.interactions ?? []).forEach((interaction, index) => {
        const route = /\/model\/([^/]+)\/(invoke|invoke-with-response-stream)$/.exec(interaction.request.uri);
        if (!route) return;
        const stream = route[2] === "invoke-with-response-stream";
        const requestText = bodyText(interaction.request);
        const responseText = stream ? "" : bodyText(interaction.response);
        const recorded: RecordedInvocation = {
          label: `${folder}/${cassette}#${index}`,
          cassette,
          index,
          modelId: decodeURIComponent(route[1] ?? ""),
          stream,
          status: interaction.response.status.code,
          requestBody: requestText === "" ? undefined : JSON.parse(requestText),
          headers: headerMap(interaction.response.headers),
          reserialized: interaction.response.parsed_body !== undefined,
        };
        if (!stream && responseText !== "") recorded.responseBody = JSON.parse(responseText);
        const chunks = stream ? decodedChunks(folder, cassette, index) : undefined;
        if (chunks !== undefined) recorded.chunks = chunks;
        out.push(recorded);
      });
    }
  }
  return out;
}
