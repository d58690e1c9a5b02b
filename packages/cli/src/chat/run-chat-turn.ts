import type { AgentResult } from "@sluice/core";
import type { ChatPrinter } from "./chat-printer.js";
import type { ChatSession } from "./chat-session.js";

/**
 * Sends one message and prints the run as it streams. An abort (Ctrl-C) rejects with core's
 * `AbortError`, and the agent keeps the conversation as it was before the message.
 *
 * @example
 * const result = await runChatTurn(chat, printer, "What's the weather?", controller.signal);
 */
export async function runChatTurn(session: ChatSession, printer: ChatPrinter, text: string, signal: AbortSignal): Promise<AgentResult> {
  const stream = session.agent.stream(text, { signal });
  try {
    for await (const event of stream) printer.print(event);
    return await stream.result;
  } finally {
    printer.endAnswer();
  }
}
