/**
 * Writing your own middleware: a small logging middleware built from scratch on @sluice/core's
 * API. One `Middleware` object wraps both kinds of call:
 *   - `model`: gets the call and `next`, awaits `next()`, and watches the result with
 *     `observe()` so it also works for streams (it is told when the last event has passed);
 *   - `tool`: times the tool and reads the outcome.
 * The production version, with levels, pino support and redaction of secrets, is
 * `loggingMiddleware()` in @sluice/middleware; see docs/middleware.md.
 *
 *   npx tsx --conditions=development examples/logging-middleware.ts
 */
import { fileURLToPath } from "node:url";
import { Agent, type AgentTool, type Middleware } from "@sluice/core";
import { startEmulator } from "@sluice/emulator";

/** A logging middleware in about twenty lines: one line per model call and per tool call. */
export function simpleLogging(write: (line: string) => void): Middleware {
  return {
    name: "simple-logging",
    async model(call, next) {
      const started = performance.now();
      const elapsed = () => `${Math.round(performance.now() - started)} ms`;
      try {
        const result = await next();
        // observe() reports without buffering: for a stream, onResponse comes after the last event.
        return result.observe({
          onResponse: (response) =>
            write(`model ${call.request.modelId} step ${call.step}: ${response.stopReason}, ${response.usage?.totalTokens} tokens, ${elapsed()}`),
          onError: (error) => write(`model ${call.request.modelId} step ${call.step} failed mid-stream: ${String(error)}`),
        });
      } catch (error) {
        // An HTTP error (throttling, validation…) rejects next() before any result exists.
        write(`model ${call.request.modelId} step ${call.step} failed: ${(error as Error).name}`);
        throw error; // a logger observes; it must not swallow the failure
      }
    },
    async tool(call, next) {
      const started = performance.now();
      const outcome = await next();
      const status = outcome.type === "result" ? outcome.status : "interrupted";
      write(`tool ${call.name} (${call.toolUseId}): ${status}, ${Math.round(performance.now() - started)} ms`);
      return outcome;
    },
  };
}

const clock: AgentTool = {
  name: "current_time",
  description: "The current time in a city",
  inputSchema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  invoke: async () => ({ content: [{ text: "09:30" }] }),
};

/** Runs an agent with the logging middleware against the embedded emulator; returns the log lines. */
export async function runLoggingExample(write: (line: string) => void = console.log): Promise<string[]> {
  const lines: string[] = [];
  const log = (line: string) => {
    lines.push(line);
    write(line);
  };
  const emulator = await startEmulator();
  try {
    const agent = new Agent({
      modelId: "us.anthropic.claude-3-5-haiku-20241022-v1:0",
      clientOptions: { endpoint: emulator.url, region: "us-east-1", credentials: { accessKeyId: "example", secretAccessKey: "example" }, maxAttempts: 1 },
      tools: [clock],
      middleware: [simpleLogging(log)],
    });
    emulator.enqueue([{ toolCalls: [{ name: "current_time", input: { city: "Oslo" }, toolUseId: "tooluse_oslo" }] }, { text: "It is 09:30 in Oslo." }]);
    await agent.send("What time is it in Oslo?");
    // The same middleware sees streamed calls; its line comes once the stream has ended.
    for await (const _event of agent.stream("Thanks!")) {
      // a UI would render text deltas here
    }
    emulator.injectFault({ firstCalls: 1, effect: { type: "error", exception: "ThrottlingException" } });
    await agent.send("One more?").catch(() => undefined);
    return lines;
  } finally {
    await emulator.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runLoggingExample();
