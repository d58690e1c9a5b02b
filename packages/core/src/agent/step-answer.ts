import type { ContentBlock, ConverseStreamOutput, Message, ToolUseBlock } from "@aws-sdk/client-bedrock-runtime";
import { isPlainObject } from "../conversation/content-rules.js";
import type { Usage } from "../conversation/usage.js";
import type { ModelResult } from "../middleware/model-result.js";
import type { ToolCallOutcome } from "../middleware/tool-middleware.js";
import { isValidToolName } from "../tools/tool-registry.js";
import type { AgentEvent } from "./agent-events.js";
import type { AgentResult, AgentStep, ToolCallRecord } from "./agent-result.js";

// What a run makes of a model's answer: its events, the message kept, the tool uses to run, the result.

/** Stop reasons after which tool uses in the message are not run (their input may be cut off). */
const noToolStops = new Set(["max_tokens", "guardrail_intervened", "content_filtered", "malformed_tool_use", "model_context_window_exceeded"]);

export async function forwardDeltas(result: ModelResult, step: number, emit: (event: AgentEvent) => void): Promise<void> {
  const toolBlocks = new Map<number, string>();
  for await (const event of result as AsyncIterable<ConverseStreamOutput>) {
    const start = event.contentBlockStart;
    if (start?.start?.toolUse) {
      const index = start.contentBlockIndex ?? 0;
      const toolUseId = start.start.toolUse.toolUseId ?? "";
      toolBlocks.set(index, toolUseId);
      emit({ type: "tool-use-start", step, contentBlockIndex: index, toolUseId, name: start.start.toolUse.name ?? "" });
      continue;
    }
    const delta = event.contentBlockDelta;
    if (!delta?.delta) continue;
    const index = delta.contentBlockIndex ?? 0;
    const body = delta.delta;
    if (body.text !== undefined) {
      if (body.text !== "") emit({ type: "text-delta", step, contentBlockIndex: index, text: body.text });
    } else if (body.toolUse) {
      emit({ type: "tool-use-delta", step, contentBlockIndex: index, toolUseId: toolBlocks.get(index) ?? "", delta: body.toolUse.input ?? "" });
    } else if (body.reasoningContent) {
      const { text, signature, redactedContent } = body.reasoningContent;
      emit({
        type: "reasoning-delta",
        step,
        contentBlockIndex: index,
        ...(text !== undefined && { text }),
        ...(signature !== undefined && { signature }),
        ...(redactedContent !== undefined && { redactedContent }),
      });
    }
  }
}

/**
 * The assistant message to keep, and the tool uses to run (as the model sent them). Blank text is
 * dropped (Bedrock refuses it when sent back); tool uses are dropped when the stop reason means
 * their input may be cut off. The message is undefined when nothing is left.
 */
export function cleanAssistantMessage(
  message: Message | undefined,
  stopReason: string | undefined,
): { message: Message | undefined; toolUses: ToolUseBlock[] } {
  const toolUses: ToolUseBlock[] = [];
  if (!message) return { message: undefined, toolUses };
  const dropToolUse = stopReason !== undefined && noToolStops.has(stopReason);
  const content: ContentBlock[] = [];
  for (const block of message.content ?? []) {
    if (block.text !== undefined && block.text.trim() === "") continue;
    const toolUse = block.toolUse;
    if (toolUse && toolUse.type !== "server_tool_use") {
      if (dropToolUse) continue;
      toolUses.push(toolUse);
      // Bedrock refuses a history holding a tool name it would refuse, or tool input that is not a
      // JSON object, so such tool uses are stored sanitised (and answered with an error result).
      const validName = isValidToolName(toolUse.name);
      const validInput = isPlainObject(toolUse.input);
      if (!validName || !validInput) {
        content.push(sanitiseToolUse(toolUse, validName, validInput));
        continue;
      }
    }
    content.push(block);
  }
  return { message: content.length === 0 ? undefined : { role: "assistant", content }, toolUses };
}

/**
 * A model may invent a tool name Bedrock itself refuses (e.g. `$READFILE`), or send tool input that
 * is not a JSON object (an array, a string, null). Keeping either would make every later request
 * fail, so the stored message gets a sanitised name and the input wrapped as `{ __invalidInput }`;
 * the tool call is still answered (by id) with an error naming what the model sent.
 */
function sanitiseToolUse(toolUse: ToolUseBlock, validName: boolean, validInput: boolean): ContentBlock {
  const name = validName ? toolUse.name : String(toolUse.name ?? "").replace(/[^a-zA-Z0-9_-]/g, "_").slice(0, 64) || "unnamed_tool";
  const input = validInput ? toolUse.input : { __invalidInput: toolUse.input === undefined ? null : toolUse.input };
  return { toolUse: { ...toolUse, name, input: input as never } };
}

export function clientToolUses(message: Message): ToolUseBlock[] {
  const uses: ToolUseBlock[] = [];
  for (const block of message.content ?? []) {
    if (block.toolUse && block.toolUse.type !== "server_tool_use") uses.push(block.toolUse);
  }
  return uses;
}

export function toRecord(toolUse: ToolUseBlock, outcome: ToolCallOutcome | undefined): ToolCallRecord {
  const toolUseId = toolUse.toolUseId ?? "";
  const name = toolUse.name ?? "";
  if (!outcome) return { toolUseId, name, input: toolUse.input, status: "error", content: [] };
  if (outcome.type === "interrupt") return { toolUseId, name, input: toolUse.input, status: "interrupted", content: [] };
  return { toolUseId, name, input: toolUse.input, status: outcome.status, content: outcome.content };
}

export function finish(
  status: AgentResult["status"],
  messages: Message[],
  usage: Usage,
  steps: AgentStep[],
  stopReason: string | undefined,
): AgentResult {
  let message: Message | undefined;
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    if (messages[index]?.role === "assistant") {
      message = messages[index];
      break;
    }
  }
  const text = (message?.content ?? []).map((block) => block.text ?? "").join("");
  return { status, text, message, stopReason, usage, steps, messages };
}
