import { startEmulator } from "@sluice/emulator";
import { Agent, SluiceError, checkRequest, createBedrockClient, type AgentTool } from "../src/index.js";

/** What a soak counted. */
export interface SoakFigures {
  runs: number;
  completed: number;
  typedErrors: Record<string, number>;
  untypedErrors: number;
  invalidConversations: number;
  dishonestErrors: number;
  faultsFired: number;
  durationMs: number;
}

const tool: AgentTool = {
  name: "lookup",
  inputSchema: { type: "object", properties: { q: { type: "string" } } },
  invoke: async (input) => ({ content: [{ json: { found: input } as never }] }),
};

/**
 * Runs `runs` agent runs against an in-process emulator with mixed faults (throttles, 5xx,
 * in-stream exceptions, dropped connections, truncated and damaged streams, latency), streamed
 * and not, with a tool loop, 20 at a time. After every run the agent's conversation must be one
 * Bedrock accepts; every failure must be a Sluice error that says it was rolled back and left
 * the conversation as it was.
 *
 * @example
 * const figures = await runSoak({ runs: 5000, seed: 7 });
 */
export async function runSoak(options: { runs: number; seed?: number; concurrency?: number }): Promise<SoakFigures> {
  const seed = options.seed ?? 7;
  const emulator = await startEmulator({
    script: { rules: [{ match: { regex: "^tool" }, reply: { toolCalls: [{ name: "lookup", input: { q: "x" } }] } }] },
    faults: [
      { probability: 0.05, seed, effect: { type: "error", exception: "ThrottlingException" } },
      { probability: 0.03, seed: seed + 1, effect: { type: "error", exception: "InternalServerException" } },
      { probability: 0.02, seed: seed + 2, effect: { type: "error", exception: "ServiceUnavailableException" } },
      { probability: 0.04, seed: seed + 3, effect: { type: "stream-error", exception: "ModelStreamErrorException", afterEvents: 2 } },
      { probability: 0.03, seed: seed + 4, effect: { type: "stream-error", exception: "ThrottlingException", afterEvents: 0 } },
      { probability: 0.02, seed: seed + 5, effect: { type: "disconnect", afterEvents: 1 } },
      { probability: 0.02, seed: seed + 6, effect: { type: "truncate", afterEvents: 3 } },
      { probability: 0.02, seed: seed + 7, effect: { type: "corrupt", afterEvents: 2 } },
      { probability: 0.05, seed: seed + 8, effect: { type: "latency", delayMs: 2 } },
    ],
    maxRecordedRequests: 100,
  });
  const client = createBedrockClient({ endpoint: emulator.url, region: "us-east-1", credentials: { accessKeyId: "soak", secretAccessKey: "soak" }, maxAttempts: 1 });
  const figures: SoakFigures = { runs: 0, completed: 0, typedErrors: {}, untypedErrors: 0, invalidConversations: 0, dishonestErrors: 0, faultsFired: 0, durationMs: 0 };
  const started = performance.now();
  const concurrency = options.concurrency ?? 20;
  let next = 0;
  const worker = async (): Promise<void> => {
    let agent = new Agent({ modelId: "anthropic.claude-3-5-haiku-20241022-v1:0", client, tools: [tool], maxSteps: 3 });
    while (next < options.runs) {
      const index = next++;
      if (index % 10 === 0) agent = new Agent({ modelId: "anthropic.claude-3-5-haiku-20241022-v1:0", client, tools: [tool], maxSteps: 3 });
      const before = agent.conversation.length;
      const input = index % 3 === 0 ? `tool run ${index}` : `question ${index}`;
      try {
        await (index % 2 === 0 ? agent.stream(input).result : agent.send(input));
        figures.completed += 1;
      } catch (error) {
        if (SluiceError.isInstance(error)) {
          figures.typedErrors[error.code] = (figures.typedErrors[error.code] ?? 0) + 1;
          if (error.rolledBack !== true || agent.conversation.length !== before) figures.dishonestErrors += 1;
        } else {
          figures.untypedErrors += 1;
        }
      }
      figures.runs += 1;
      const messages = [...agent.conversation.messages];
      if (messages.length > 0 && checkRequest({ modelId: "m", messages, ...(agent.conversation.toolConfig && { toolConfig: agent.conversation.toolConfig }) })) {
        figures.invalidConversations += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  figures.durationMs = Math.round(performance.now() - started);
  figures.faultsFired = emulator.faults.reduce((sum, fault) => sum + fault.fired, 0);
  client.destroy();
  await emulator.close();
  return figures;
}
