import { describe, expect, it } from "vitest";
import type { AgentTool, ContentBlock, Message } from "../src/index.js";
import { Agent } from "../src/index.js";
import { useEmulator } from "./emulator-fixture.js";

const handle = useEmulator();
const modelId = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
const thinking = { thinking: { type: "enabled", budget_tokens: 1024 } };

const signatureOnly: ContentBlock = { reasoningContent: { reasoningText: { text: "", signature: "EogHCnIIEBABGAIqQ" } } };
const redacted: ContentBlock = { reasoningContent: { redactedContent: new Uint8Array([1, 2, 3, 250]) } };
const withText: ContentBlock = { reasoningContent: { reasoningText: { text: "I need the weather.", signature: "c2lnMQ" } } };

const weather: AgentTool = {
  name: "weather",
  description: "Weather for a city",
  inputSchema: { type: "object", properties: { city: { type: "string" } } },
  invoke: async () => ({ content: [{ text: "Sunny" }] }),
};

/** The assistant turn of the second request, as sent on the wire (redacted bytes are base64 there). */
const sentAssistant = () => ((handle.emulator.requests.at(-1)?.body as { messages: Message[] }).messages[1]?.content ?? []) as unknown[];

describe("reasoning blocks across tool turns over HTTP", () => {
  for (const streaming of [false, true]) {
    it(`sends signature-only, redacted and signed reasoning back unchanged (${streaming ? "stream" : "send"})`, async () => {
      handle.emulator.enqueue([
        // Scripts give the redacted bytes as the wire's base64.
        {
          content: [
            { reasoningContent: { reasoningText: { text: "", signature: "EogHCnIIEBABGAIqQ" } } },
            { reasoningContent: { redactedContent: "AQID+g==" } },
            { reasoningContent: { reasoningText: { text: "I need the weather.", signature: "c2lnMQ" } } },
            { toolUse: { toolUseId: "tooluse_w1", name: "weather", input: { city: "Oslo" } } },
          ],
        },
        { text: "It is sunny in Oslo." },
      ]);
      const agent = new Agent({ modelId, client: handle.client(), tools: [weather], additionalModelRequestFields: thinking });
      const result = streaming ? await agent.stream("Weather in Oslo?").result : await agent.send("Weather in Oslo?");
      expect(result.text).toBe("It is sunny in Oslo.");
      expect(handle.emulator.requests).toHaveLength(2);
      expect(handle.emulator.requests.every((request) => request.response?.status === 200)).toBe(true);
      expect(sentAssistant().slice(0, 3)).toEqual([
        { reasoningContent: { reasoningText: { text: "", signature: "EogHCnIIEBABGAIqQ" } } },
        { reasoningContent: { redactedContent: Buffer.from([1, 2, 3, 250]).toString("base64") } },
        { reasoningContent: { reasoningText: { text: "I need the weather.", signature: "c2lnMQ" } } },
      ]);
      // The stored conversation keeps them as the model gave them.
      expect(agent.conversation.messages[1]?.content?.slice(0, 3)).toEqual([signatureOnly, redacted, withText]);
    });
  }
});
