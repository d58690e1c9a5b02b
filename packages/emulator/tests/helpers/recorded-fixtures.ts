import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { parse } from "yaml";

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

/** `shared/fixtures` beside the repository (never copied into it). */
export const fixturesRoot = path.resolve(repositoryRoot, "../shared/fixtures");
export const fixturesPresent = existsSync(fixturesRoot);

/** One recorded HTTP exchange from a VCR cassette. */
export interface RecordedInteraction {
  /** `folder/file.yaml #index`, for test names. */
  readonly name: string;
  /** Raw path as recorded, e.g. `/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse`. */
  readonly path: string;
  readonly requestBody: string;
  readonly status: number;
  readonly responseHeaders: Record<string, string>;
  readonly responseBody: Uint8Array;
}

type Json = Record<string, unknown>;

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString("utf8");
  return undefined;
}

function headerMap(raw: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries((raw ?? {}) as Json)) {
    const first = Array.isArray(value) ? value[0] : value;
    const decoded = text(first);
    if (decoded !== undefined) headers[name.toLowerCase()] = decoded;
  }
  return headers;
}

/** A cassette's exchanges: VCR's `interactions` list, or LangChain's parallel `requests` / `responses` lists. */
function exchangesOf(cassette: { interactions?: Json[]; requests?: Json[]; responses?: Json[] }): Array<{ request: Json; response: Json }> {
  if (cassette.interactions !== undefined) return cassette.interactions.map((interaction) => ({ request: interaction["request"] as Json, response: interaction["response"] as Json }));
  const responses = cassette.responses ?? [];
  return (cassette.requests ?? []).map((request, index) => ({ request, response: responses[index] ?? {} }));
}

/** A cassette file's text: plain YAML, or gzip-compressed YAML (`.yaml.gz`, LangChain's recorder). */
function cassetteText(file: string): string {
  const bytes = readFileSync(file);
  return file.endsWith(".gz") ? gunzipSync(bytes).toString("utf8") : bytes.toString("utf8");
}

/** Every interaction of every cassette (`.yaml` or `.yaml.gz`) under the fixtures folder whose request path matches `pathPattern`. */
export function loadInteractions(pathPattern: RegExp): RecordedInteraction[] {
  if (!fixturesPresent) return [];
  const found: RecordedInteraction[] = [];
  for (const folder of readdirSync(fixturesRoot)) {
    const folderPath = path.join(fixturesRoot, folder);
    if (!existsSync(folderPath) || folder.includes(".")) continue;
    for (const file of readdirSync(folderPath).filter((name) => /\.yaml(?:\.gz)?$/.test(name)).sort()) {
      const cassette = parseCassette(cassetteText(path.join(folderPath, file))) as Parameters<typeof exchangesOf>[0];
      exchangesOf(cassette).forEach(({ request, response }, index) => {
        const uri = new URL(String(request["uri"]));
        const rawPath = uri.pathname + uri.search;
        if (!pathPattern.test(rawPath)) return;
        const body = response["body"] as Json | undefined;
        const parsedBody = response["parsed_body"];
        const bodyValue = body?.["string"];
        const responseBody =
          bodyValue instanceof Uint8Array
            ? bodyValue
            : Buffer.from(typeof bodyValue === "string" ? bodyValue : JSON.stringify(parsedBody ?? {}), "utf8");
        const requestBody =
          text(request["body"]) ??
          text((request["body"] as Json | undefined)?.["string"]) ??
          (request["parsed_body"] === undefined ? "" : JSON.stringify(request["parsed_body"]));
        found.push({
          name: `${folder}/${file} #${index}`,
          path: rawPath,
          requestBody,
          status: Number((response["status"] as Json)["code"]),
          responseHeaders: headerMap(response["headers"]),
          responseBody,
        });
      });
    }
  }
  return found;
}

/**
 * Parses a cassette. A few recorders wrote multi-line single-quoted scalars whose continuation
 * lines are not indented past their key (PyYAML accepts that, the `yaml` package does not);
 * those lines are indented before a second attempt.
 */
function parseCassette(source: string): unknown {
  try {
    return parse(source, { schema: "yaml-1.1" });
  } catch {
    return parse(indentQuotedContinuations(source), { schema: "yaml-1.1" });
  }
}

function indentQuotedContinuations(source: string): string {
  const lines = source.split("\n");
  let open = false;
  return lines
    .map((line) => {
      const quotes = (line.replaceAll("''", "").match(/'/g) ?? []).length;
      if (open) {
        if (quotes % 2 === 1) open = false;
        return `    ${line}`;
      }
      if (/^\s*[\w-]+: '/.test(line) && quotes % 2 === 1) open = true;
      return line;
    })
    .join("\n");
}
