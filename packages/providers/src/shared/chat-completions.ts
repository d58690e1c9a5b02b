import type { ContentBlock, Message, StopReason } from "@aws-sdk/client-bedrock-runtime";
import type { ModelRequest } from "@sluice/core";
import type { NativeBody, NativeStreamDecoder, NativeTurn } from "../adapter.js";
import type { ConverseStreamWriter } from "./converse-stream-writer.js";
import { parseToolInput } from "@sluice/core/internal";
import { NativeResponseError } from "../errors/native-response-error.js";
import { blocksText, newToolUseId, offeredTools, systemText, textBlocks, toBase64, toolInputSchema, toolResultText } from "./converse-content.js";
import { asArray, asNumber, asRecord, asString, compact } from "./native-values.js";
import { mapStopReason } from "./stop-reason.js";
import { knownUsage } from "./token-usage.js";

/** How a family's dialect of the OpenAI-style chat format differs. */
export interface ChatDialect {
  /** Role of the system prompt message: `system`, or `developer` for gpt-oss. */
  systemRole: "system" | "developer";
  /** Whether `tool_calls` entries carry `"type": "function"` (OpenAI does, Mistral's Bedrock schema does not). */
  toolCallType: boolean;
  /** Whether user content may be a list of parts with `image_url` data URIs (Pixtral). */
  imageParts: boolean;
}

/** OpenAI-style finish reasons and their Converse equivalents. */
export const CHAT_STOP_REASONS: Readonly<Record<string, StopReason>> = {
  stop: "end_turn",
  end_turn: "end_turn",
  length: "max_tokens",
  tool_calls: "tool_use",
  content_filter: "content_filtered",
  model_length: "model_context_window_exceeded",
};

function userContent(message: Message, dialect: ChatDialect): unknown {
  if (!dialect.imageParts || !(message.content ?? []).some((block) => block.image)) return blocksText(message.content);
  const parts: unknown[] = [];
  for (const block of message.content ?? []) {
    if (block.text !== undefined) parts.push({ type: "text", text: block.text });
    else if (block.image?.source?.bytes !== undefined) {
      parts.push({ type: "image_url", image_url: { url: `data:image/${block.image.format ?? "png"};base64,${toBase64(block.image.source.bytes)}` } });
    }
  }
  return parts;
}

/**
 * A Converse conversation as OpenAI-style chat messages: system prompt first, tool results as
 * `tool` messages, assistant tool calls as `tool_calls` with JSON-string arguments. Reasoning
 * blocks are left out: the format has no place for them in input.
 *
 * @example
 * chatMessages({ modelId, system: [{ text: "Be brief." }], messages }, { systemRole: "system", toolCallType: false, imageParts: false });
 */
export function chatMessages(request: ModelRequest, dialect: ChatDialect): unknown[] {
  const messages: unknown[] = [];
  const system = systemText(request);
  if (system !== "") messages.push({ role: dialect.systemRole, content: system });
  for (const message of request.messages ?? []) {
    if (message.role === "assistant") {
      const calls = (message.content ?? []).flatMap((block) =>
        block.toolUse
          ? [
              compact({
                id: block.toolUse.toolUseId,
                type: dialect.toolCallType ? "function" : undefined,
                function: { name: block.toolUse.name, arguments: JSON.stringify(block.toolUse.input ?? {}) },
              }),
            ]
          : [],
      );
      messages.push(compact({ role: "assistant", content: blocksText(message.content), tool_calls: calls.length > 0 ? calls : undefined }));
      continue;
    }
    for (const block of message.content ?? []) {
      if (block.toolResult) messages.push({ role: "tool", tool_call_id: block.toolResult.toolUseId, content: toolResultText(block.toolResult) });
    }
    const content = userContent(message, dialect);
    if (content !== "" && !(Array.isArray(content) && content.length === 0)) messages.push({ role: "user", content });
  }
  return messages;
}

/**
 * The offered tools as OpenAI-style `tools` (a strict tool keeps `strict: true`) plus the
 * `tool_choice` value for the dialect's vocabulary (`any` is `"any"` for Mistral, `"required"`
 * for OpenAI).
 *
 * @example
 * chatTools(request, "required"); // { tools: [{ type: "function", function: { name, description, parameters } }], tool_choice: "auto" }
 */
export function chatTools(request: ModelRequest, anyChoice: "any" | "required"): Record<string, unknown> {
  const tools = offeredTools(request);
  if (tools.length === 0) return {};
  const choice = request.toolConfig?.toolChoice;
  let toolChoice: unknown;
  if (choice?.any) toolChoice = anyChoice;
  else if (choice?.auto) toolChoice = "auto";
  else if (choice?.tool) toolChoice = { type: "function", function: { name: choice.tool.name } };
  return compact({
    tools: tools.map((tool) => ({
      type: "function",
      function: compact({ name: tool.name, description: tool.description, parameters: toolInputSchema(tool), strict: tool.strict }),
    })),
    tool_choice: toolChoice,
  });
}

function argumentsInput(value: unknown): unknown {
  if (typeof value === "string") return parseToolInput(value);
  return value ?? {};
}

/** The first choice of a chat-completion body, read into text, tool calls and a finish reason. */
export interface ChatChoice {
  text: string;
  reasoning: string | undefined;
  toolCalls: Array<{ id: string; name: string; input: unknown }>;
  finishReason: unknown;
}

/**
 * Reads `choices[0]` of a chat-completion body (`message` with `content`, `tool_calls`, and a
 * `finish_reason` or Bedrock-Mistral `stop_reason`). `undefined` when there is no choice.
 *
 * @example
 * readChatChoice({ choices: [{ message: { role: "assistant", content: "Hi" }, finish_reason: "stop" }] })?.text; // "Hi"
 */
export function readChatChoice(body: NativeBody): ChatChoice | undefined {
  const choice = asRecord(asArray(body.choices)?.[0]);
  if (!choice) return undefined;
  const message = asRecord(choice.message) ?? asRecord(choice.delta) ?? {};
  const content = message.content;
  const text = typeof content === "string" ? content : (asArray(content) ?? []).map((part) => asString(asRecord(part)?.text) ?? "").join("");
  const toolCalls = (asArray(message.tool_calls) ?? []).flatMap((call) => {
    const record = asRecord(call);
    const fn = asRecord(record?.function);
    if (!fn) return [];
    return [{ id: asString(record?.id) ?? newToolUseId(), name: asString(fn.name) ?? "", input: argumentsInput(fn.arguments) }];
  });
  const reasoning = asString(message.reasoning_content) ?? asString(message.reasoning);
  return { text, reasoning, toolCalls, finishReason: choice.finish_reason ?? choice.stop_reason };
}

/**
 * OpenAI-style `usage` (`prompt_tokens`, `completion_tokens`) as Converse usage.
 *
 * @example
 * chatUsage({ prompt_tokens: 5, completion_tokens: 7 }); // { inputTokens: 5, outputTokens: 7 }
 */
export function chatUsage(usage: unknown): NativeTurn["usage"] {
  const record = asRecord(usage);
  if (!record) return undefined;
  return knownUsage({ inputTokens: asNumber(record.prompt_tokens), outputTokens: asNumber(record.completion_tokens) });
}

/**
 * Streams chat-completion chunks (`choices[0].delta` or Bedrock-Mistral's `choices[0].message`)
 * through a writer: content as text (or through `onText`, for families that inline reasoning),
 * `reasoning_content` as reasoning, tool calls by index (started when their id or name
 * arrives, arguments streamed as input deltas), and the finish reason and usage.
 *
 * @example
 * const stream = new ChatCompletionStream(writer);
 * stream.push({ choices: [{ index: 0, delta: { content: "Hi" }, finish_reason: null }] });
 */
export class ChatCompletionStream {
  private readonly toolIds = new Map<number, string>();
  private finishReason: unknown;

  constructor(
    private readonly writer: ConverseStreamWriter,
    private readonly onText: (text: string) => void = (text) => writer.text(text),
  ) {}

  push(chunk: NativeBody): void {
    this.writer.start();
    const usage = chatUsage(chunk.usage);
    if (usage) this.writer.usage(usage);
    const choice = asRecord(asArray(chunk.choices)?.[0]);
    if (!choice) return;
    const delta = asRecord(choice.delta) ?? asRecord(choice.message) ?? {};
    const reasoning = asString(delta.reasoning_content) ?? asString(delta.reasoning);
    if (reasoning) this.writer.reasoningText(reasoning);
    if (typeof delta.content === "string") this.onText(delta.content);
    (asArray(delta.tool_calls) ?? []).forEach((call, position) => this.toolCall(asRecord(call) ?? {}, position));
    const finish = choice.finish_reason ?? choice.stop_reason;
    if (finish !== undefined && finish !== null) this.finishReason = finish;
  }

  /** The finish reason seen so far (`undefined` until one arrives). */
  get finish(): unknown {
    return this.finishReason;
  }

  private toolCall(call: Record<string, unknown>, position: number): void {
    const index = asNumber(call.index) ?? position;
    const fn = asRecord(call.function) ?? {};
    const id = asString(call.id);
    // A call is new when its index is unseen, or when a whole call arrives again at a reused position with another id.
    if (!this.toolIds.has(index) || (id !== undefined && id !== this.toolIds.get(index))) {
      const toolUseId = id ?? newToolUseId();
      this.writer.toolUse(toolUseId, asString(fn.name) ?? "");
      this.toolIds.set(index, toolUseId);
    }
    const input = fn.arguments;
    if (typeof input === "string") {
      if (input !== "") this.writer.toolInput(input);
    } else if (input !== undefined) this.writer.toolInput(JSON.stringify(input));
  }
}

/**
 * A chat-completion body as a Converse turn: the first choice's text as content (through
 * `textContent`, by default one text block unless blank), then its tool calls; the finish reason
 * mapped (`tool_use` or `end_turn` when it is missing or unknown); and `usage`.
 *
 * @example
 * parseChatCompletion("mistral-chat", { choices: [{ message: { content: "Hi" }, stop_reason: "stop" }] }).stopReason; // "end_turn"
 */
export function parseChatCompletion(family: string, body: NativeBody, textContent: (choice: ChatChoice) => ContentBlock[] = (choice) => textBlocks(choice.text)): NativeTurn {
  const choice = readChatChoice(body);
  if (!choice) throw new NativeResponseError(family, "the body has no choices[0]", body);
  const content = textContent(choice);
  for (const call of choice.toolCalls) content.push({ toolUse: { toolUseId: call.id, name: call.name, input: call.input as never } });
  const fallback: StopReason = choice.toolCalls.length > 0 ? "tool_use" : "end_turn";
  return { content, stopReason: mapStopReason(CHAT_STOP_REASONS, choice.finishReason, fallback), usage: chatUsage(body.usage) };
}

/** Where a chat-completion decoder sends streamed content text, for families that inline reasoning in it. */
export interface ChatTextSink {
  push(text: string): void;
  /** Called when the stream ends, before the stop event: write out what is still held. */
  end(): void;
}

/**
 * A stream decoder for chat-completion chunks ({@link ChatCompletionStream}) that stops with
 * the mapped finish reason (`tool_use` or `end_turn` when it is missing or unknown). Content
 * text goes to the writer, or through `text` when given.
 *
 * @example
 * createStreamDecoder: (writer) => createChatCompletionDecoder(writer),
 */
export function createChatCompletionDecoder(writer: ConverseStreamWriter, text?: ChatTextSink): NativeStreamDecoder {
  const stream = new ChatCompletionStream(writer, text && ((content) => text.push(content)));
  return {
    push: (chunk) => stream.push(chunk),
    end(): void {
      text?.end();
      writer.stop(mapStopReason(CHAT_STOP_REASONS, stream.finish, writer.toolUseCount > 0 ? "tool_use" : "end_turn"));
    },
  };
}
