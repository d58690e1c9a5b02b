import type { ContentBlock, ConverseStreamOutput, StopReason } from "@aws-sdk/client-bedrock-runtime";
import { AbortError } from "../errors/abort-error.js";
import type { Model, ModelCallOptions, ModelRequest, ModelResponse } from "../model/model.js";
import { responseToEvents } from "../model/response-events.js";

/** One scripted tool call (the same shape as the emulator's scripted `toolCalls`). */
export interface ScriptedToolCall {
  name: string;
  input?: unknown;
  /** Default: `tooluse_scripted_<n>`. */
  toolUseId?: string;
}

/**
 * A scripted answer in short form, with the field names of the emulator's script replies
 * (`text`, `toolCalls`, `reasoning`, `stopReason`, `usage`), so a script moves between the two.
 */
export interface ScriptedTurn {
  text?: string;
  toolCalls?: ScriptedToolCall[];
  reasoning?: { text: string; signature?: string };
  /** Default: `tool_use` when there are tool calls, else `end_turn`. */
  stopReason?: StopReason;
  usage?: { inputTokens?: number; outputTokens?: number };
}

/**
 * What the scripted model answers next: text, a short-form turn, a full Converse response, an
 * error to throw, or a function of the request returning one of those.
 */
export type ScriptedReply =
  | string
  | ScriptedTurn
  | ModelResponse
  | Error
  | ((request: ModelRequest) => string | ScriptedTurn | ModelResponse | Error);

/**
 * An in-process `Model` that answers from a script, for unit tests of agents, tools and
 * middleware without HTTP. Every request is recorded. When the script runs out it echoes the
 * last user text (`You said: ...`).
 *
 * @example
 * const model = new ScriptedModel([{ toolCalls: [{ name: "get_weather", input: { city: "Paris" } }] }, "It is sunny."]);
 * const agent = new Agent({ modelId: "test", model, tools: [weather] });
 * await agent.send("Weather in Paris?");
 * expect(model.requests).toHaveLength(2);
 */
export class ScriptedModel implements Model {
  /** Every request received, in order. */
  readonly requests: ModelRequest[] = [];
  private readonly replies: ScriptedReply[];
  private readonly chunkSize: number;
  private toolUseCounter = 0;

  constructor(replies: ScriptedReply[] = [], options: { chunkSize?: number } = {}) {
    this.replies = [...replies];
    this.chunkSize = options.chunkSize ?? 8;
  }

  /** Adds replies to the end of the script. */
  enqueue(...replies: ScriptedReply[]): this {
    this.replies.push(...replies);
    return this;
  }

  /** Replies not used yet. */
  get remaining(): number {
    return this.replies.length;
  }

  async converse(request: ModelRequest, options: ModelCallOptions = {}): Promise<ModelResponse> {
    return this.answer(request, options.signal);
  }

  async converseStream(request: ModelRequest, options: ModelCallOptions = {}): Promise<AsyncIterable<ConverseStreamOutput>> {
    const response = this.answer(request, options.signal);
    const chunkSize = this.chunkSize;
    const signal = options.signal;
    return (async function* scriptedStream() {
      for (const event of responseToEvents(response)) {
        if (signal?.aborted) throw new AbortError("The scripted stream was aborted.");
        const text = event.contentBlockDelta?.delta?.text;
        if (text !== undefined && text.length > chunkSize) {
          const index = event.contentBlockDelta?.contentBlockIndex ?? 0;
          for (let offset = 0; offset < text.length; offset += chunkSize) {
            yield { contentBlockDelta: { contentBlockIndex: index, delta: { text: text.slice(offset, offset + chunkSize) } } };
          }
        } else {
          yield event;
        }
      }
    })();
  }

  private answer(request: ModelRequest, signal: AbortSignal | undefined): ModelResponse {
    if (signal?.aborted) throw new AbortError("The scripted call was aborted.");
    this.requests.push(request);
    const next = this.replies.shift();
    const reply = typeof next === "function" ? next(request) : (next ?? echo(request));
    if (reply instanceof Error) throw reply;
    if (typeof reply === "string") return this.toResponse({ text: reply });
    if ("output" in reply) return reply;
    return this.toResponse(reply);
  }

  private toResponse(turn: ScriptedTurn): ModelResponse {
    const content: ContentBlock[] = [];
    if (turn.reasoning) content.push({ reasoningContent: { reasoningText: { ...turn.reasoning } } });
    if (turn.text !== undefined) content.push({ text: turn.text });
    for (const toolUse of turn.toolCalls ?? []) {
      this.toolUseCounter += 1;
      content.push({
        toolUse: {
          toolUseId: toolUse.toolUseId ?? `tooluse_scripted_${this.toolUseCounter}`,
          name: toolUse.name,
          input: (toolUse.input ?? {}) as never,
        },
      });
    }
    const inputTokens = turn.usage?.inputTokens ?? 10;
    const outputTokens = turn.usage?.outputTokens ?? Math.max(1, Math.ceil((turn.text?.length ?? 0) / 4));
    return {
      output: { message: { role: "assistant", content } },
      stopReason: turn.stopReason ?? (turn.toolCalls?.length ? "tool_use" : "end_turn"),
      usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
      metrics: { latencyMs: 0 },
    };
  }
}

function echo(request: ModelRequest): ScriptedTurn {
  const last = request.messages?.[request.messages.length - 1];
  const text = (last?.content ?? []).map((block) => block.text ?? "").join(" ").trim();
  return { text: `You said: ${text || "(no text)"}` };
}
