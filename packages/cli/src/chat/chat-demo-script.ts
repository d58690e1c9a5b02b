import type { AgentTool } from "@sluice/core";
import type { ScriptDefinition } from "@sluice/emulator";
import { sampleInput } from "./sample-input.js";

/**
 * What the embedded emulator plays in `sluice chat --emulator` unless `--emulator-script` says
 * otherwise: it echoes what you type (`You said: …`), and when your message names one of the
 * chat's tools it calls that tool (with input made from the tool's schema) and then reports
 * the result. Answers stream a few characters at a time so the streaming is visible.
 *
 * @example
 * const emulator = await startEmulator({ script: chatDemoScript([getWeather]) });
 */
export function chatDemoScript(tools: readonly AgentTool[]): ScriptDefinition {
  return {
    rules: tools.map((tool) => ({
      match: { regex: new RegExp(`(^|[^a-zA-Z0-9_-])${escapeRegExp(tool.name)}($|[^a-zA-Z0-9_-])`, "i") },
      reply: { text: `Calling ${tool.name}.`, toolCalls: [{ name: tool.name, input: sampleInput(tool.inputSchema) }] },
    })),
    streaming: { chunkSize: 4, chunkDelayMs: 12 },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
