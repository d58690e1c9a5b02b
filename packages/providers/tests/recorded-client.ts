import { Readable } from "node:stream";
import { BedrockRuntimeClient, type ConverseStreamOutput } from "@aws-sdk/client-bedrock-runtime";
import type { ModelRequest, ModelResponse } from "@sluice/core";
import { InvokeModelModel, type InvokeModelModelOptions } from "../src/index.js";
import { collectStream } from "./assemble-stream.js";
import type { RecordedInteraction } from "./fixtures.js";

/** What the recorded client saw: the native body the Model sent, and the path it called. */
export interface SentRequest {
  path: string;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

/**
 * A real `BedrockRuntimeClient` whose transport answers every request with one recorded
 * HTTP response (status, headers and body bytes exactly as recorded), so a test runs the
 * SDK's own deserialisation, event-stream decoding included, over real Bedrock traffic.
 */
export function recordedClient(interaction: RecordedInteraction, sent: SentRequest[] = []): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    region: "us-east-1",
    credentials: { accessKeyId: "recorded", secretAccessKey: "recorded" },
    maxAttempts: 1,
    requestHandler: {
      async handle(request: { path: string; body?: unknown; headers: Record<string, string> }) {
        const body = request.body instanceof Uint8Array ? Buffer.from(request.body).toString("utf8") : String(request.body ?? "");
        sent.push({ path: request.path, body: body === "" ? {} : (JSON.parse(body) as Record<string, unknown>), headers: request.headers });
        return {
          response: {
            statusCode: interaction.status,
            headers: { ...interaction.responseHeaders },
            body: Readable.from([Buffer.from(interaction.responseBytes)]),
          },
        };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    } as never,
  });
}

/** Runs one Converse-shaped request through `InvokeModelModel` against a recorded response. */
export async function converseRecorded(
  interaction: RecordedInteraction,
  request: ModelRequest,
  options: InvokeModelModelOptions = {},
): Promise<{ sent: SentRequest; response: ModelResponse }> {
  const sent: SentRequest[] = [];
  const response = await new InvokeModelModel(recordedClient(interaction, sent), options).converse(request);
  if (!sent[0]) throw new Error("nothing was sent");
  return { sent: sent[0], response };
}

/** Streams one request against a recorded event stream; returns the events and their assembled response. */
export async function streamRecorded(
  interaction: RecordedInteraction,
  request: ModelRequest,
  options: InvokeModelModelOptions = {},
): Promise<{ sent: SentRequest; events: ConverseStreamOutput[]; response: ModelResponse }> {
  const sent: SentRequest[] = [];
  const { events, response } = await collectStream(await new InvokeModelModel(recordedClient(interaction, sent), options).converseStream(request));
  if (!sent[0]) throw new Error("nothing was sent");
  return { sent: sent[0], events, response };
}

/** The first interaction of a cassette. */
export function firstInteraction(interactions: RecordedInteraction[]): RecordedInteraction {
  const [interaction] = interactions;
  if (!interaction) throw new Error("the cassette has no interactions");
  return interaction;
}
