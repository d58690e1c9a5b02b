import type { Writable } from "node:stream";
import type { AgentEvent, ToolResultContentBlock, Usage } from "@sluice/core";
import { createColors } from "picocolors";

/**
 * Where and how a chat prints.
 *
 * @example
 * const options: ChatPrinterOptions = { answer: process.stdout, activity: process.stderr, color: false };
 */
export interface ChatPrinterOptions {
  /** The answer's text. */
  answer: Writable;
  /** Tool calls, results, notes and errors (the same stream as `answer` in a terminal; stderr when piped). */
  activity: Writable;
  color: boolean;
}

/**
 * Prints an agent run as it happens: answer text as it streams, each tool call when the model
 * has finished asking for it (`→ name {input}`), each result when it is back (`← name: …`).
 *
 * @example
 * const printer = new ChatPrinter({ answer: process.stdout, activity: process.stdout, color: true });
 * for await (const event of agent.stream("hi")) printer.print(event);
 */
export class ChatPrinter {
  readonly colors: ReturnType<typeof createColors>;
  private atLineStart = true;

  constructor(private readonly options: ChatPrinterOptions) {
    this.colors = createColors(options.color);
  }

  print(event: AgentEvent): void {
    const { colors } = this;
    switch (event.type) {
      case "text-delta":
        this.options.answer.write(event.text);
        this.atLineStart = event.text.endsWith("\n");
        return;
      case "tool-use-complete":
        // Text before a tool call and the answer after it are separate paragraphs, also when piped.
        this.endAnswer();
        this.activityLine(colors.cyan(`→ ${event.name} ${clip(JSON.stringify(event.input ?? {}), 200)}`));
        return;
      case "tool-result": {
        const line = `← ${event.name}: ${clip(summarize(event.content), 300)}`;
        this.activityLine(event.status === "error" ? colors.red(line) : colors.green(line));
        return;
      }
      default:
        return;
    }
  }

  /** Ends the answer's line (if it is open) before the prompt or a note. */
  endAnswer(): void {
    if (!this.atLineStart) this.options.answer.write("\n");
    this.atLineStart = true;
  }

  note(text: string): void {
    this.activityLine(this.colors.dim(text));
  }

  warning(text: string): void {
    this.activityLine(this.colors.yellow(text));
  }

  error(text: string): void {
    this.activityLine(this.colors.red(text));
  }

  usageLine(label: string, usage: Usage): string {
    const cache = usage.cacheReadInputTokens + usage.cacheWriteInputTokens > 0 ? `, cache read ${usage.cacheReadInputTokens}, cache write ${usage.cacheWriteInputTokens}` : "";
    return `${label}: ${usage.inputTokens} input + ${usage.outputTokens} output = ${usage.totalTokens} tokens${cache}`;
  }

  private activityLine(text: string): void {
    if (this.options.activity === this.options.answer) this.endAnswer();
    this.options.activity.write(`${text}\n`);
  }
}

/**
 * A tool result on one line: text as is, JSON compact, other blocks by kind and size.
 *
 * @example
 * summarize([{ text: "21°C" }, { json: { rain: false } }]); // '21°C {"rain":false}'
 */
export function summarize(content: readonly ToolResultContentBlock[]): string {
  return content
    .map((block) => {
      if (block.text !== undefined) return block.text;
      if (block.json !== undefined) return JSON.stringify(block.json);
      if (block.image) return `[image ${block.image.format ?? ""}, ${block.image.source?.bytes?.length ?? 0} bytes]`;
      if (block.document) return `[document ${block.document.name ?? ""} (${block.document.format ?? ""})]`;
      return `[${Object.keys(block)[0] ?? "content"}]`;
    })
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
