import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  Agent,
  Conversation,
  SluiceError,
  checkRequest,
  type AgentTool,
  type ConverseStreamOutput,
  type Model,
} from "../src/index.js";

// Property tests: 200 runs each, fast-check's default seed handling (a failure prints its seed).
const runs = { numRuns: 200 };

const tool: AgentTool = { name: "echo", inputSchema: { type: "object", properties: {} }, invoke: async (input) => ({ content: [{ json: { input } as never }] }) };

const index = fc.integer({ min: 0, max: 3 });
const text = fc.oneof(fc.constant(""), fc.constant(" "), fc.string({ maxLength: 6 }));
const event: fc.Arbitrary<ConverseStreamOutput> = fc.oneof(
  fc.constant({ messageStart: { role: "assistant" } }),
  fc.record({ contentBlockDelta: fc.record({ contentBlockIndex: index, delta: fc.record({ text }) }) }),
  fc.record({ contentBlockStart: fc.record({ contentBlockIndex: index, start: fc.record({ toolUse: fc.record({ toolUseId: fc.constantFrom("t1", "t2", "", "bad id"), name: fc.constantFrom("echo", "$x", "") }) }) }) }),
  fc.record({ contentBlockDelta: fc.record({ contentBlockIndex: index, delta: fc.record({ toolUse: fc.record({ input: fc.constantFrom("", "{", "}", '{"a":1}', "[1]", "null", '"s"') }) }) }) }),
  fc.record({ contentBlockDelta: fc.record({ contentBlockIndex: index, delta: fc.record({ reasoningContent: fc.record({ text }) }) }) }),
  fc.record({ contentBlockStop: fc.record({ contentBlockIndex: index }) }),
  fc.record({ messageStop: fc.record({ stopReason: fc.constantFrom("end_turn", "tool_use", "max_tokens") }) }),
  fc.constant({ metadata: { usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 }, metrics: { latencyMs: 1 } } }),
) as fc.Arbitrary<ConverseStreamOutput>;

/** A model that streams a generated event sequence first, then answers plainly. */
function modelOf(events: ConverseStreamOutput[]): Model & { sent: unknown[] } {
  let first = true;
  const sent: unknown[] = [];
  const answer = (): AsyncIterable<ConverseStreamOutput> =>
    (async function* () {
      yield { messageStart: { role: "assistant" } };
      yield { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "done" } } };
      yield { messageStop: { stopReason: "end_turn" } };
    })();
  return {
    sent,
    async converse() {
      throw new Error("streaming only");
    },
    async converseStream(request) {
      sent.push(request);
      const problem = checkRequest(request);
      if (problem) throw new Error(`Bedrock would refuse: ${problem}`);
      if (!first) return answer();
      first = false;
      return (async function* () {
        yield* events;
      })();
    },
  };
}

describe("properties", () => {
  it("any model stream event sequence ends in a valid conversation or a typed, rolled-back error", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(event, { maxLength: 12 }), async (events) => {
        const model = modelOf(events);
        const agent = new Agent({ modelId: "test", model, tools: [tool], maxSteps: 3 });
        try {
          await agent.stream("go").result;
        } catch (error) {
          expect(SluiceError.isInstance(error), String(error)).toBe(true);
          expect((error as SluiceError).message).not.toMatch(/Bedrock would refuse/);
          expect((error as SluiceError).rolledBack).toBe(true);
          expect(agent.conversation.length).toBe(0);
        }
        const request = { modelId: "test", messages: [...agent.conversation.messages], ...(agent.conversation.toolConfig && { toolConfig: agent.conversation.toolConfig }) };
        if (agent.conversation.length > 0) expect(checkRequest(request)).toBeUndefined();
        await agent.stream("next").result; // never a request Bedrock's rules refuse
      }),
      runs,
    );
  });

  const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: "small" }, fc.constant(null), fc.boolean(), fc.integer(), fc.string({ maxLength: 4 }), fc.array(tie("value"), { maxLength: 3 }), fc.dictionary(fc.constantFrom("text", "role", "content", "toolUse", "toolResult", "toolUseId", "name", "input", "image", "__proto__", "constructor", "x"), tie("value"), { maxKeys: 3 })),
  })).value;
  const message = fc.record({ role: fc.constantFrom("user", "assistant", "system"), content: fc.oneof(fc.array(json, { maxLength: 2 }), fc.array(fc.record({ text: text }), { maxLength: 2 })) });

  it("any snapshot JSON restores to a conversation Bedrock accepts, or fails with a typed error", () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 5 }), json, (messages, usage) => {
        const snapshot = JSON.parse(JSON.stringify({ format: "sluice.conversation", version: 1, messages, usage }));
        let restored: Conversation;
        try {
          restored = Conversation.restore(snapshot);
        } catch (error) {
          expect(SluiceError.isInstance(error), String(error)).toBe(true);
          return;
        }
        if (restored.length > 0) expect(checkRequest({ modelId: "m", messages: [...restored.messages], toolConfig: { tools: [] } })).toBeUndefined();
        for (const counter of Object.values(restored.usage)) expect(typeof counter).toBe("number");
      }),
      { numRuns: 500 },
    );
  });
});
