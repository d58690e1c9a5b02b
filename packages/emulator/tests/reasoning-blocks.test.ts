import { ConverseCommand, ConverseStreamCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import type { ContentBlock, ConverseStreamOutput } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import type { Emulator } from "../src/index.js";
import { bedrockClient, userText } from "./helpers/clients.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
});
beforeEach(() => emulator.reset());

const sonnet5 = "us.anthropic.claude-sonnet-5";
const signatureOnly: ContentBlock = { reasoningContent: { reasoningText: { text: "", signature: "EogHCnIIEBABGAIqQ" } } };
const redacted: ContentBlock = { reasoningContent: { redactedContent: new Uint8Array([1, 2, 3]) } };

describe("signature-only and redacted reasoning", () => {
  it("takes both back in the history of a tool turn and answers with a signature-only block", async () => {
    emulator.enqueue({ content: [{ reasoningContent: { reasoningText: { text: "", signature: "c2lnMg" } } }, { text: "It is sunny." }] });
    const client = bedrockClient(emulator);
    const messages = [
      userText("Weather?"),
      { role: "assistant" as const, content: [signatureOnly, redacted, { toolUse: { toolUseId: "tooluse_1", name: "weather", input: {} } }] },
      { role: "user" as const, content: [{ toolResult: { toolUseId: "tooluse_1", content: [{ text: "sunny" }] } }] },
    ];
    const tools = { tools: [{ toolSpec: { name: "weather", inputSchema: { json: { type: "object" } } } }] };
    const response = await client.send(new ConverseCommand({ modelId: sonnet5, messages, toolConfig: tools }));
    expect(response.output?.message?.content?.[0]).toEqual({ reasoningContent: { reasoningText: { text: "", signature: "c2lnMg" } } });
    // What reached the service is what the client sent: the blocks are not altered on the way.
    const sent = emulator.requests.at(-1)?.body as { messages: Array<{ content: unknown[] }> };
    expect(sent.messages[1]?.content.slice(0, 2)).toEqual([{ reasoningContent: { reasoningText: { text: "", signature: "EogHCnIIEBABGAIqQ" } } }, { reasoningContent: { redactedContent: "AQID" } }]);
    client.destroy();
  });

  it("streams a signature-only block as one signature delta, and a redacted block as one delta", async () => {
    emulator.enqueue({ content: [{ reasoningContent: { reasoningText: { text: "", signature: "c2ln" } } }, { reasoningContent: { redactedContent: "AQID" } }, { text: "ok" }] });
    const client = bedrockClient(emulator);
    const response = await client.send(new ConverseStreamCommand({ modelId: sonnet5, messages: [userText("Hi")] }));
    const deltas: unknown[] = [];
    for await (const event of (response.stream ?? []) as AsyncIterable<ConverseStreamOutput>) if (event.contentBlockDelta !== undefined) deltas.push(event.contentBlockDelta.delta);
    expect(deltas).toEqual([{ reasoningContent: { signature: "c2ln" } }, { reasoningContent: { redactedContent: new Uint8Array([1, 2, 3]) } }, { text: "ok" }]);
    client.destroy();
  });

  it("takes Claude's native signature-only and redacted thinking back on InvokeModel and renders a signature-only block", async () => {
    emulator.enqueue({ content: [{ reasoningContent: { reasoningText: { text: "", signature: "c2ln" } } }, { text: "Done." }] });
    const client = bedrockClient(emulator);
    const body = {
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 100,
      messages: [
        { role: "user", content: "Hi" },
        { role: "assistant", content: [{ type: "thinking", thinking: "", signature: "abc" }, { type: "redacted_thinking", data: "AQID" }, { type: "text", text: "Hello." }] },
        { role: "user", content: "Again" },
      ],
    };
    const response = await client.send(new InvokeModelCommand({ modelId: sonnet5, body: JSON.stringify(body) }));
    const answer = JSON.parse(Buffer.from(response.body).toString("utf8")) as { content: unknown[]; usage: { output_tokens_details: unknown } };
    expect(answer.content[0]).toEqual({ type: "thinking", thinking: "", signature: "c2ln" });
    expect(answer.usage.output_tokens_details).toEqual({ thinking_tokens: 0 });
    client.destroy();
  });
});
