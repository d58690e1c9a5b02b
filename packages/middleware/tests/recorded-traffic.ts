import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { parse } from "yaml";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** The recorded Bedrock traffic beside the repository (never copied into it). */
export const fixturesRoot = path.resolve(repoRoot, "../shared/fixtures");
export const fixturesPresent = existsSync(fixturesRoot);
if (!fixturesPresent) console.warn(`[middleware] ${fixturesRoot} is missing: recorded-traffic tests are skipped.`);

/** One recorded HTTP exchange of a pydantic-ai cassette (JSON bodies kept as `parsed_body` or text). */
export interface Exchange {
  path: string;
  requestBody: Record<string, unknown>;
  status: number;
  responseText: string;
}

const asText = (value: unknown): string => (value instanceof Uint8Array ? Buffer.from(value).toString("utf8") : typeof value === "string" ? value : JSON.stringify(value ?? ""));

/** The exchanges of a cassette under `shared/fixtures`. */
export function loadExchanges(relativePath: string): Exchange[] {
  const document = parse(readFileSync(path.join(fixturesRoot, relativePath), "utf8")) as {
    interactions: Array<{ request: { uri: string; body?: unknown; parsed_body?: unknown }; response: { body?: { string: unknown }; parsed_body?: unknown; status: { code: number } } }>;
  };
  return document.interactions.map(({ request, response }) => {
    const requestText = asText(request.parsed_body ?? request.body);
    return {
      path: new URL(request.uri).pathname,
      requestBody: requestText === "" ? {} : (JSON.parse(requestText) as Record<string, unknown>),
      status: response.status.code,
      responseText: asText(response.parsed_body ?? response.body?.string),
    };
  });
}

/** What a replaying client was sent. */
export interface SentExchange {
  path: string;
  body: Record<string, unknown>;
}

/**
 * A real `BedrockRuntimeClient` whose transport answers the n-th request with the n-th recorded
 * response, so the SDK's own (de)serialisation runs over recorded traffic.
 */
export function replayingClient(exchanges: readonly Exchange[], sent: SentExchange[] = []): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    region: "us-east-1",
    credentials: { accessKeyId: "recorded", secretAccessKey: "recorded" },
    maxAttempts: 1,
    requestHandler: {
      async handle(request: { path: string; body?: unknown }) {
        const body = request.body instanceof Uint8Array ? Buffer.from(request.body).toString("utf8") : String(request.body ?? "");
        sent.push({ path: request.path, body: body === "" ? {} : (JSON.parse(body) as Record<string, unknown>) });
        const exchange = exchanges[sent.length - 1];
        if (exchange === undefined) throw new Error(`request ${sent.length} has no recorded answer`);
        return {
          response: {
            statusCode: exchange.status,
            headers: { "content-type": "application/json", ...(exchange.status >= 400 && { "x-amzn-errortype": "ValidationException" }) },
            body: Readable.from([Buffer.from(exchange.responseText)]),
          },
        };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    } as never,
  });
}
