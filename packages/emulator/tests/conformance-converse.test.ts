import { ConverseCommand, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import type { ConverseStreamOutput } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import type { Emulator, ScriptedReply } from "../src/index.js";
import { postJson } from "./helpers/clients.js";
import { decodeFrames, describeFrame } from "./helpers/decode-frames.js";
import { fixturesPresent, fixturesRoot, loadInteractions } from "./helpers/recorded-fixtures.js";
import type { RecordedInteraction } from "./helpers/recorded-fixtures.js";
import { replayClient } from "./helpers/replay-client.js";
import { normalizeEvents, replyFromRecordedEvents } from "./helpers/stream-normalization.js";

if (!fixturesPresent) console.warn(`Skipping Converse conformance tests: ${fixturesRoot} is absent.`);

const interactions = loadInteractions(/^\/model\/[^/]+\/(converse|converse-stream|count-tokens)$/);
const converseCalls = interactions.filter((call) => call.status === 200 && call.path.endsWith("/converse"));
const streamCalls = interactions.filter((call) => call.status === 200 && call.path.endsWith("/converse-stream"));
const errorCalls = interactions.filter((call) => call.status !== 200);
const countTokensCalls = interactions.filter((call) => call.status === 200 && call.path.endsWith("/count-tokens"));

/**
 * Recorded error messages the emulator cannot reproduce word for word, with the reason (shown in
 * the test name). The rest of the message, the status and the error type are still compared.
 */
const ERROR_WORDING_DIFFERENCES: Record<string, { reason: string; recorded: string; emulated: string }> = {
  "pydantic-ai-bedrock-cassettes/structured_output_matrix__test_strict_tool_array_minItems_gt1.yaml #0": {
    reason: "the service listed a 5 in '(got: [2, 5])' that the recorded request does not contain; the emulator lists the request's minItems",
    recorded: "(got: [2, 5])",
    emulated: "(got: [2])",
  },
};

function wordingDifferenceLabel(name: string): string {
  const difference = ERROR_WORDING_DIFFERENCES[name];
  return difference === undefined ? name : `${name} (wording differs: ${difference.reason})`;
}

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

/** Sends the recorded request body to the emulator at the recorded path, with a fresh script. */
async function replayRequest(call: RecordedInteraction, reply?: ScriptedReply) {
  emulator.reset();
  if (reply !== undefined) emulator.enqueue(reply);
  return postJson(emulator, call.path, call.requestBody);
}

function withoutVolatile(result: Record<string, unknown>): Record<string, unknown> {
  const { $metadata: _metadata, trace: _trace, ...rest } = result;
  delete (rest["metrics"] as Record<string, unknown> | undefined)?.["latencyMs"];
  return rest;
}

async function streamOf(status: number, body: Uint8Array): Promise<ConverseStreamOutput[]> {
  const client = replayClient(status, { "content-type": "application/vnd.amazon.eventstream" }, body);
  const response = await client.send(new ConverseStreamCommand({ modelId: "replay", messages: [] }));
  const events: ConverseStreamOutput[] = [];
  for await (const event of response.stream ?? []) events.push(event);
  return events;
}

describe.skipIf(!fixturesPresent)("Converse conformance with recorded traffic", () => {
  it("found recorded Converse and ConverseStream interactions", () => {
    expect(converseCalls.length).toBeGreaterThan(30);
    expect(streamCalls.length).toBeGreaterThan(10);
  });

  it.each(converseCalls.map((call) => [call.name, call] as const))("%s parses like the recording", async (_name, call) => {
    const recorded = JSON.parse(Buffer.from(call.responseBody).toString("utf8")) as {
      output: { message: { content: ScriptedReply["content"] } };
      stopReason: ScriptedReply["stopReason"];
      usage: ScriptedReply["usage"];
    };
    const emulated = await replayRequest(call, { content: recorded.output.message.content, stopReason: recorded.stopReason, usage: recorded.usage });
    expect(emulated.status, emulated.text).toBe(200);
    const expected = await replayClient(200, { "content-type": "application/json" }, call.responseBody).send(new ConverseCommand({ modelId: "replay", messages: [] }));
    const actual = await replayClient(200, { "content-type": "application/json" }, emulated.bytes).send(new ConverseCommand({ modelId: "replay", messages: [] }));
    expect(withoutVolatile(actual as unknown as Record<string, unknown>)).toEqual(withoutVolatile(expected as unknown as Record<string, unknown>));
  });

  it.each(streamCalls.map((call) => [call.name, call] as const))("%s streams like the recording", async (_name, call) => {
    const recordedEvents = decodeFrames(call.responseBody)
      .map(describeFrame)
      .map((frame) => ({ eventType: String(frame.headers[":event-type"]), payload: frame.payload }));
    const emulated = await replayRequest(call, replyFromRecordedEvents(recordedEvents));
    expect(emulated.status, emulated.text).toBe(200);
    const expected = normalizeEvents(await streamOf(200, call.responseBody));
    const actual = normalizeEvents(await streamOf(200, emulated.bytes));
    expect(actual).toEqual(expected);
  });

  it.each(errorCalls.map((call) => [wordingDifferenceLabel(call.name), call] as const))("%s fails like the recording", async (_name, call) => {
    const recordedBody = JSON.parse(Buffer.from(call.responseBody).toString("utf8")) as { message: string };
    const errorType = call.responseHeaders["x-amzn-errortype"];
    emulator.reset();
    if (call.status === 403) {
      // Front-door failures (expired SigV4 credentials) cannot happen locally: inject them as faults.
      emulator.injectFault({ effect: { type: "error", exception: String(errorType?.split(":")[0]), message: recordedBody.message } });
    }
    const emulated = await postJson(emulator, call.path, call.requestBody);
    expect(emulated.status, emulated.text).toBe(call.status);
    const difference = ERROR_WORDING_DIFFERENCES[call.name];
    if (difference === undefined) expect(JSON.parse(emulated.text)).toEqual(recordedBody);
    else expect((JSON.parse(emulated.text) as { message: string }).message).toBe(recordedBody.message.replace(difference.recorded, difference.emulated));
    if (errorType !== undefined) expect(emulated.headers.get("x-amzn-errortype")).toBe(errorType);
    emulator.reset();
  });

  it.each(countTokensCalls.map((call) => [call.name, call] as const))("%s is accepted", async (_name, call) => {
    const emulated = await replayRequest(call);
    expect(emulated.status, emulated.text).toBe(200);
    expect(JSON.parse(emulated.text).inputTokens).toBeGreaterThan(0);
  });
});
