import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ConverseCommand, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import type { ConverseStreamOutput } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import type { Emulator, ScriptedReply } from "../src/index.js";
import { postJson, userText } from "./helpers/clients.js";
import { decodeFrames, describeFrame } from "./helpers/decode-frames.js";
import { fixturesPresent, fixturesRoot } from "./helpers/recorded-fixtures.js";
import { replayClient } from "./helpers/replay-client.js";
import { normalizeEvents, replyFromRecordedEvents } from "./helpers/stream-normalization.js";

/*
 * vercel/ai's Bedrock fixtures are response bodies without their requests (SDK-JSON, not wire
 * bytes). Each response is replayed through the emulator from a request built for it, and each
 * recorded error from the request its reproduction script describes.
 */
const folder = path.join(fixturesRoot, "vercel-ai-bedrock-fixtures");
const present = fixturesPresent && existsSync(folder);
if (!present) console.warn(`Skipping vercel/ai fixture conformance: ${folder} is absent.`);

type Json = Record<string, unknown>;
const files = present ? readdirSync(folder).sort() : [];
const read = (name: string): Json => JSON.parse(readFileSync(path.join(folder, name), "utf8")) as Json;

// Models named by the fixtures' SOURCES.md; the first-pass files name none (a Claude 3.7 era model is used).
const MODEL_OF: Record<string, string> = {
  "issue-9967-gpt-oss-json-tool-name-channel.json": "openai.gpt-oss-20b-1:0",
  "bedrock-opus-4-7-strict-tool-live.json": "us.anthropic.claude-opus-4-7",
  "bedrock-sonnet-4-6-native-structured-output-length.json": "eu.anthropic.claude-sonnet-4-6",
  "amazon-bedrock-issue-11227-opus-4-6.json": "us.anthropic.claude-opus-4-6-v1",
  "issue-11363-stop-sequence-null.json": "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
};
const modelOf = (file: string) => MODEL_OF[file] ?? "us.anthropic.claude-3-7-sonnet-20250219-v1:0";

const converseBodies = files.filter((name) => name.endsWith(".json") && read(name)["output"] !== undefined);
const chunkFiles = files.filter((name) => name.endsWith(".chunks.txt"));

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

/** A request the recorded answer could have come from: its tool calls need the tools declared. */
function requestFor(recorded: Json): Json {
  const content = ((recorded["output"] as Json)["message"] as Json)["content"] as Json[];
  const toolNames = content.flatMap((block) => (block["toolUse"] === undefined ? [] : [String((block["toolUse"] as Json)["name"])]));
  const request: Json = { messages: [userText("Answer.")] };
  if (toolNames.length > 0) {
    request["toolConfig"] = { tools: toolNames.map((name) => ({ toolSpec: { name: name.replace(/[^a-zA-Z0-9_-]/g, "_"), inputSchema: { json: { type: "object" } } } })) };
  }
  if (recorded["additionalModelResponseFields"] !== undefined) request["additionalModelResponseFieldPaths"] = ["/stop_sequence"];
  return request;
}

const parse = (bytes: Uint8Array) => replayClient(200, { "content-type": "application/json" }, bytes).send(new ConverseCommand({ modelId: "replay", messages: [] }));

async function streamOf(body: Uint8Array): Promise<ConverseStreamOutput[]> {
  const response = await replayClient(200, { "content-type": "application/vnd.amazon.eventstream" }, body).send(new ConverseStreamCommand({ modelId: "replay", messages: [] }));
  const events: ConverseStreamOutput[] = [];
  for await (const event of response.stream ?? []) events.push(event);
  return events;
}

function withoutVolatile(result: Json): Json {
  const { $metadata: _metadata, metrics: _metrics, ...rest } = result;
  return rest;
}

describe.skipIf(!present)("Converse conformance with vercel/ai's recorded bodies", () => {
  it("finds the response bodies, streams and error bodies", () => {
    expect(converseBodies.length).toBeGreaterThanOrEqual(9);
    expect(chunkFiles.length).toBeGreaterThanOrEqual(4);
  });

  it.each(converseBodies)("%s renders like the recording", async (file) => {
    const recorded = read(file);
    emulator.reset();
    emulator.enqueue({
      content: ((recorded["output"] as Json)["message"] as Json)["content"] as ScriptedReply["content"],
      stopReason: recorded["stopReason"] as ScriptedReply["stopReason"],
      usage: recorded["usage"] as ScriptedReply["usage"],
    });
    const emulated = await postJson(emulator, `/model/${encodeURIComponent(modelOf(file))}/converse`, requestFor(recorded));
    expect(emulated.status, emulated.text).toBe(200);
    const expected = await parse(Buffer.from(JSON.stringify(recorded)));
    const actual = await parse(emulated.bytes);
    expect(withoutVolatile(actual as unknown as Json)).toEqual(withoutVolatile(expected as unknown as Json));
  });

  it.each(chunkFiles)("%s streams the same turn", async (file) => {
    const recordedEvents = readFileSync(path.join(folder, file), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => {
        const [eventType, payload] = Object.entries(JSON.parse(line) as Json)[0] as [string, Json];
        return { eventType, payload };
      });
    const reply = replyFromRecordedEvents(recordedEvents);
    emulator.reset();
    emulator.enqueue(reply);
    const tools = reply.content?.flatMap((block) => (block.toolUse === undefined ? [] : [{ toolSpec: { name: block.toolUse.name, inputSchema: { json: { type: "object" } } } }])) ?? [];
    const emulated = await postJson(emulator, `/model/${encodeURIComponent(modelOf(file))}/converse-stream`, { messages: [userText("Answer.")], ...(tools.length > 0 ? { toolConfig: { tools } } : {}) });
    expect(emulated.status, emulated.text).toBe(200);
    const emulatedEvents = decodeFrames(emulated.bytes).map(describeFrame).map((frame) => ({ eventType: String(frame.headers[":event-type"]), payload: frame.payload }));
    // These files are SDK-level event lists (one hand-ordered upstream); the turn they carry is compared.
    expect(replyFromRecordedEvents(emulatedEvents)).toEqual(reply);
  });

  it.skipIf(!files.includes("issue-18994-live-converse-stream.json"))("issue-18994-live-converse-stream.json (raw base64 stream) streams like the recording", async () => {
    const wrapper = read("issue-18994-live-converse-stream.json");
    const response = wrapper["response"] as Json;
    const bytes = Buffer.from(String(response["bodyBase64"]), "base64");
    const recordedEvents = decodeFrames(bytes)
      .map(describeFrame)
      .map((frame) => ({ eventType: String(frame.headers[":event-type"]), payload: frame.payload }));
    emulator.reset();
    emulator.enqueue(replyFromRecordedEvents(recordedEvents));
    const request = { messages: [userText(String(wrapper["prompt"]))], additionalModelResponseFieldPaths: ["/delta/stop_sequence"] };
    const emulated = await postJson(emulator, `/model/${encodeURIComponent(String(wrapper["modelId"]))}/converse-stream`, request);
    expect(emulated.status, emulated.text).toBe(200);
    expect(normalizeEvents(await streamOf(emulated.bytes))).toEqual(normalizeEvents(await streamOf(bytes)));
  });

  const strictTool = { toolSpec: { name: "report_result", inputSchema: { json: { type: "object", properties: { value: { type: "string" } }, required: ["value"], additionalProperties: false } }, strict: true } };
  const errorCases: Array<{ file: string; path: string; request: Json; status: number }> = [
    {
      file: "issue-18199-sonnet-5-strict-error.json",
      path: `/model/${encodeURIComponent("us.anthropic.claude-sonnet-5")}/converse`,
      request: { messages: [userText("Report ok.")], toolConfig: { tools: [strictTool] } },
      status: 400,
    },
    {
      file: "amazon-bedrock-issue-11227-opus-4-5-error.json",
      path: `/model/${encodeURIComponent("us.anthropic.claude-opus-4-5-20251101-v1:0")}/converse`,
      request: {
        messages: [userText("Answer with the tool.")],
        toolConfig: { tools: [{ toolSpec: { name: "json", inputSchema: { json: { type: "object" } } } }], toolChoice: { tool: { name: "json" } } },
        additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 1024 } },
      },
      status: 400,
    },
    {
      file: "issue-17523-unknown-operation.json",
      // The un-encoded foundation-model ARN adds path segments, so no operation matches.
      path: "/model/arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0/converse",
      request: { messages: [userText("Hi")] },
      status: 404,
    },
  ];

  it.each(errorCases.filter((entry) => files.includes(entry.file)))("$file fails like the recording", async ({ file, path: requestPath, request, status }) => {
    emulator.reset();
    const emulated = await postJson(emulator, requestPath, request);
    expect(emulated.status, emulated.text).toBe(status);
    expect(JSON.parse(emulated.text)).toEqual(read(file));
  });

  it.skipIf(!files.includes("amazon-bedrock-empty-message-validation-error.json"))("amazon-bedrock-empty-message-validation-error.json fails like the recording, error type included", async () => {
    const wrapper = read("amazon-bedrock-empty-message-validation-error.json");
    emulator.reset();
    const request = { messages: [userText("Hi"), { role: "assistant", content: [] }, userText("Again")] };
    const emulated = await postJson(emulator, `/model/${encodeURIComponent(String(wrapper["modelId"]))}/converse`, request);
    expect(emulated.status).toBe(wrapper["status"]);
    expect(JSON.parse(emulated.text)).toEqual(wrapper["body"]);
    expect(emulated.headers.get("x-amzn-errortype")).toBe((wrapper["headers"] as Json)["x-amzn-errortype"]);
  });
});
