import type { ContentBlock, ToolUseBlock } from "@aws-sdk/client-bedrock-runtime";
import type { ModelRequest } from "@sluice/core";
import type { ConverseStreamWriter } from "./converse-stream-writer.js";
import { newToolUseId, offeredTools, textBlocks, toolInputSchema } from "./converse-content.js";

/**
 * The instructions that teach a prompt-format model (Llama 3.1+) the tools it may call and how
 * to write a call: one JSON object per line, `{"name": …, "parameters": {…}}`. Empty when the
 * request offers no tools.
 *
 * @example
 * toolInstructions(request); // "You can call these functions. …\n[{\"type\":\"function\",…}]"
 */
export function toolInstructions(request: ModelRequest): string {
  const tools = offeredTools(request);
  if (tools.length === 0) return "";
  const definitions = tools.map((tool) => ({
    type: "function",
    function: { name: tool.name, description: tool.description ?? "", parameters: toolInputSchema(tool) },
  }));
  const choice = request.toolConfig?.toolChoice;
  const rule = choice?.tool
    ? `\nYou must call the function "${choice.tool.name}".`
    : choice?.any
      ? "\nYou must call at least one of the functions."
      : "\nIf no function fits, answer in plain text.";
  return (
    "You can call these functions. To call one, write a line holding only a JSON object " +
    '{"name": <function name>, "parameters": <object of argument values>}, one line per call, ' +
    `and nothing else on those lines.${rule}\n\n${JSON.stringify(definitions)}`
  );
}

/**
 * A tool call as the JSON line a prompt-format model writes for it.
 *
 * @example
 * toolCallLine({ toolUseId: "t1", name: "get_weather", input: { city: "Paris" } }); // '{"name":"get_weather","parameters":{"city":"Paris"}}'
 */
export function toolCallLine(toolUse: ToolUseBlock): string {
  return JSON.stringify({ name: toolUse.name, parameters: toolUse.input ?? {} });
}

function asCall(value: unknown): { name: string; input: unknown } | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.name !== "string" || record.name === "") return undefined;
  const input = record.parameters ?? record.arguments ?? {};
  if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined;
  return { name: record.name, input };
}

function parseCalls(text: string): Array<{ name: string; input: unknown }> | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  try {
    const value = JSON.parse(trimmed) as unknown;
    const list = Array.isArray(value) ? value : [value];
    const calls = list.map(asCall);
    if (calls.length > 0 && calls.every((call) => call !== undefined)) return calls as Array<{ name: string; input: unknown }>;
  } catch {
    // Not one JSON value: try one call per line below.
  }
  const lines = trimmed.split("\n").filter((line) => line.trim() !== "");
  const calls: Array<{ name: string; input: unknown }> = [];
  for (const line of lines) {
    try {
      const call = asCall(JSON.parse(line.trim()));
      if (!call) return undefined;
      calls.push(call);
    } catch {
      return undefined;
    }
  }
  return calls.length > 0 ? calls : undefined;
}

/**
 * Splits a prompt-format model's output into its text and the tool calls written at its end
 * (one JSON object per line, a JSON array, or one pretty-printed object). Calls get fresh
 * tool-use IDs. Text with no trailing calls comes back whole.
 *
 * @example
 * splitToolCalls('Let me check.\n{"name":"get_weather","parameters":{"city":"Paris"}}');
 * // { text: "Let me check.", toolUses: [{ toolUseId: "tooluse_…", name: "get_weather", input: { city: "Paris" } }] }
 */
export function splitToolCalls(output: string): { text: string; toolUses: Array<ToolUseBlock & { toolUseId: string; name: string }> } {
  const cleaned = output.replaceAll("<|python_tag|>", "\n");
  const lines = cleaned.split("\n");
  for (let start = 0; start < lines.length; start += 1) {
    const first = lines[start]?.trimStart() ?? "";
    if (!first.startsWith("{") && !first.startsWith("[")) continue;
    const calls = parseCalls(lines.slice(start).join("\n"));
    if (!calls) continue;
    return {
      text: lines.slice(0, start).join("\n").trim(),
      toolUses: calls.map((call) => ({ toolUseId: newToolUseId(), name: call.name, input: call.input as never })),
    };
  }
  return { text: output, toolUses: [] };
}

/**
 * The content blocks of a prompt-format reply: its text (when not blank) and any tool calls
 * found at its end (only looked for when tools were offered).
 *
 * @example
 * promptReplyContent('{"name":"now","parameters":{}}', true); // [{ toolUse: { … name: "now", input: {} } }]
 */
export function promptReplyContent(output: string, toolsOffered: boolean): ContentBlock[] {
  const { text, toolUses } = toolsOffered ? splitToolCalls(output) : { text: output, toolUses: [] };
  const content = textBlocks(text);
  for (const toolUse of toolUses) content.push({ toolUse });
  return content;
}

/**
 * Streams a prompt-format model's text through a writer while holding back anything that
 * could be a tool call: from the first line that starts with `{` or `[`, text is held until
 * the stream ends, then written as tool calls when it parses as such, else as text.
 *
 * @example
 * const filter = new PromptToolCallFilter(writer, true);
 * filter.push("Checking.\n{\"name\":\"now\",\"parameters\":{}}");
 * filter.end(); // writes the text "Checking.\n", then a tool-use block
 */
export class PromptToolCallFilter {
  private held: string | undefined;
  private lineStart = true;
  private pendingWhitespace = "";

  constructor(
    private readonly writer: ConverseStreamWriter,
    private readonly enabled: boolean,
  ) {}

  push(text: string): void {
    if (!this.enabled) {
      this.writer.text(text);
      return;
    }
    // Once holding, everything up to the end of the stream is held: no need to look at it.
    if (this.held !== undefined) {
      this.held += text;
      return;
    }
    let passed = "";
    for (let index = 0; index < text.length; index += 1) {
      const char = text.charAt(index);
      if (this.lineStart && (char === " " || char === "\t" || char === "\n" || char === "\r")) {
        this.pendingWhitespace += char;
      } else if (this.lineStart && (char === "{" || char === "[")) {
        this.writer.text(passed);
        this.held = this.pendingWhitespace + text.slice(index);
        this.pendingWhitespace = "";
        return;
      } else {
        passed += this.pendingWhitespace + char;
        this.pendingWhitespace = "";
        this.lineStart = char === "\n";
      }
    }
    this.writer.text(passed);
  }

  /** Writes what was held: as tool calls when it parses as such, else as text. */
  end(): void {
    const held = this.held ?? "";
    this.held = undefined;
    if (held.trim() === "") {
      this.writer.text(this.pendingWhitespace.trim() === "" ? "" : this.pendingWhitespace);
      return;
    }
    const { text, toolUses } = splitToolCalls(held);
    if (toolUses.length === 0) {
      this.writer.text(this.pendingWhitespace + held);
      return;
    }
    this.writer.text(text);
    for (const toolUse of toolUses) this.writer.completeToolUse(toolUse.toolUseId, toolUse.name, toolUse.input);
  }
}
