import type { Readable, Writable } from "node:stream";
import { AbortError, SluiceError } from "@sluice/core";
import { ChatPrinter } from "./chat-printer.js";
import type { ChatSession } from "./chat-session.js";
import { runChatTurn } from "./run-chat-turn.js";

/**
 * The non-interactive chat: everything read from `input` is one message; the answer streams to
 * `output`, tool activity to `activity` (stderr), so `echo "question" | sluice chat > answer.txt`
 * keeps only the answer. With a session file the exchange is saved. Returns the exit code.
 *
 * @example
 * const code = await oneShotChat(chat, process.stdin, process.stdout, process.stderr);
 */
export async function oneShotChat(session: ChatSession, input: Readable, output: Writable, activity: Writable, signal: AbortSignal): Promise<number> {
  const printer = new ChatPrinter({ answer: output, activity, color: false });
  let text = "";
  for await (const chunk of input) text += String(chunk);
  if (text.trim() === "") {
    printer.error("sluice chat: nothing to send (standard input was empty).");
    return 1;
  }
  try {
    await runChatTurn(session, printer, text.trim(), signal);
  } catch (error) {
    if (AbortError.isInstance(error)) {
      printer.warning("(aborted; nothing was saved)");
      return 130;
    }
    printer.error(`sluice chat: ${SluiceError.isInstance(error) ? `${error.name}: ` : ""}${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  if (session.sessionFile) session.save();
  return 0;
}
