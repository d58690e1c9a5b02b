import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { AbortError, SluiceError } from "@sluice/core";
import { ChatPrinter } from "./chat-printer.js";
import type { ChatSession } from "./chat-session.js";
import { runChatTurn } from "./run-chat-turn.js";

const help = `Commands:
  /reset          start a new conversation
  /save [file]    save the conversation (agent snapshot JSON) to file, or to the --session file
  /usage          tokens used by this conversation
  /tools          the tools the model can call
  /exit           leave (Ctrl-D works too)
Ctrl-C stops the answer being written; the conversation stays as it was before the message.`;

/**
 * Terminal streams for the interactive chat.
 *
 * @example
 * const streams: ReplStreams = { input: process.stdin, output: process.stdout, color: true };
 */
export interface ReplStreams {
  input: Readable;
  output: Writable;
  color: boolean;
}

/**
 * The interactive chat: a prompt, answers streamed as they arrive, tool calls and results shown
 * as they happen, in-chat commands, Ctrl-C to stop an answer (twice at an empty prompt, or
 * Ctrl-D, to leave). Saves to the session file after every turn. Resolves when the user leaves.
 *
 * @example
 * await replChat(chat, { input: process.stdin, output: process.stdout, color: true });
 */
export async function replChat(session: ChatSession, streams: ReplStreams): Promise<void> {
  const printer = new ChatPrinter({ answer: streams.output, activity: streams.output, color: streams.color });
  const { colors } = printer;
  const rl = createInterface({ input: streams.input, output: streams.output, terminal: true, historySize: 200 });
  rl.setPrompt(colors.bold(colors.blue("you › ")));
  let running: AbortController | undefined;
  let interruptedAtPrompt = false;

  rl.on("SIGINT", () => {
    if (running) {
      running.abort(new AbortError("Stopped with Ctrl-C."));
      return;
    }
    if (rl.line.length > 0) {
      rl.write(null, { ctrl: true, name: "u" });
      return;
    }
    if (interruptedAtPrompt) {
      rl.close();
      return;
    }
    interruptedAtPrompt = true;
    streams.output.write("\n");
    printer.note("(press Ctrl-C again, Ctrl-D or type /exit to leave)");
    rl.prompt();
  });

  const tools = session.tools().map((tool) => tool.name);
  printer.note(`Sluice chat — ${session.description}`);
  printer.note(`${tools.length > 0 ? `Tools: ${tools.join(", ")}. ` : ""}${session.agent.conversation.length > 0 ? `Continuing ${session.agent.conversation.length} messages from ${session.sessionFile}. ` : ""}Type /help for commands.`);
  rl.prompt();

  for await (const line of rl) {
    interruptedAtPrompt = false;
    const text = line.trim();
    if (text.startsWith("/")) {
      if (!command(text, session, printer)) break;
    } else if (text !== "") {
      running = new AbortController();
      try {
        const result = await runChatTurn(session, printer, text, running.signal);
        printer.note(`(${result.steps.length} ${result.steps.length === 1 ? "step" : "steps"}, ${result.usage.totalTokens} tokens${result.status === "max-steps" ? ", stopped at the step limit" : ""})`);
        if (session.sessionFile) session.save();
      } catch (error) {
        if (AbortError.isInstance(error)) printer.warning("(stopped; this message and its answer were not kept)");
        else printer.error(`${SluiceError.isInstance(error) ? `${error.name}: ` : ""}${error instanceof Error ? error.message : String(error)}`);
      } finally {
        running = undefined;
      }
    }
    rl.prompt();
  }
  rl.close();
  streams.output.write("\n");
}

/** Runs an in-chat command; false means leave. */
function command(text: string, session: ChatSession, printer: ChatPrinter): boolean {
  const [name, ...rest] = text.split(/\s+/);
  try {
    switch (name) {
      case "/exit":
      case "/quit":
        return false;
      case "/reset":
        session.reset();
        if (session.sessionFile) session.save();
        printer.note("(new conversation)");
        return true;
      case "/save":
        printer.note(`(saved ${session.agent.conversation.length} messages to ${session.save(rest[0])})`);
        return true;
      case "/usage":
        printer.note(printer.usageLine(`${session.agent.conversation.length} messages`, session.agent.conversation.usage));
        return true;
      case "/tools": {
        const tools = session.tools();
        printer.note(tools.length === 0 ? "(no tools)" : tools.map((tool) => `${tool.name}${tool.description ? ` — ${tool.description}` : ""}`).join("\n"));
        return true;
      }
      case "/help":
        printer.note(help);
        return true;
      default:
        printer.error(`Unknown command ${name}. ${help.split("\n")[0]} /reset, /save, /usage, /tools, /exit (see /help).`);
        return true;
    }
  } catch (error) {
    printer.error(error instanceof Error ? error.message : String(error));
    return true;
  }
}
