import type {
  ContentBlock,
  ConverseStreamOutput,
  ReasoningContentBlock,
  StopReason,
  TokenUsage,
} from "@aws-sdk/client-bedrock-runtime";
import type { ModelResponse } from "./model.js";

interface BlockDraft {
  kind: "text" | "toolUse" | "reasoning" | "redacted";
  text: string;
  signature?: string;
  toolUseId?: string;
  name?: string;
  toolType?: string;
  redacted?: Uint8Array[];
}

/**
 * Builds the Converse response that a ConverseStream event sequence describes. Tool input is
 * assembled per content-block index (so two tools in one message never mix) and parsed once the
 * block ends; a tool with no input gets `{}`; blank text blocks are dropped because Bedrock
 * refuses them when the message is sent back.
 *
 * @example
 * const assembler = new ResponseAssembler();
 * for await (const event of stream) assembler.add(event);
 * const response = assembler.finish();
 */
export class ResponseAssembler {
  private readonly blocks = new Map<number, BlockDraft>();
  private role: "assistant" | "user" = "assistant";
  private stopReason: StopReason | undefined;
  private sawStop = false;
  private usage: TokenUsage | undefined;
  private metrics: ModelResponse["metrics"];
  private trace: ModelResponse["trace"];
  private additionalModelResponseFields: ModelResponse["additionalModelResponseFields"];
  private performanceConfig: ModelResponse["performanceConfig"];
  private serviceTier: ModelResponse["serviceTier"];

  add(event: ConverseStreamOutput): void {
    if (event.messageStart) {
      if (event.messageStart.role === "user" || event.messageStart.role === "assistant") this.role = event.messageStart.role;
    } else if (event.contentBlockStart) {
      const index = event.contentBlockStart.contentBlockIndex ?? 0;
      const start = event.contentBlockStart.start;
      if (start?.toolUse) {
        this.blocks.set(index, {
          kind: "toolUse",
          text: "",
          toolUseId: start.toolUse.toolUseId,
          name: start.toolUse.name,
          toolType: start.toolUse.type,
        });
      }
    } else if (event.contentBlockDelta) {
      this.addDelta(event.contentBlockDelta.contentBlockIndex ?? 0, event.contentBlockDelta.delta);
    } else if (event.messageStop) {
      this.sawStop = true;
      this.stopReason = event.messageStop.stopReason;
      this.additionalModelResponseFields = event.messageStop.additionalModelResponseFields;
    } else if (event.metadata) {
      this.usage = event.metadata.usage;
      this.metrics = event.metadata.metrics;
      this.trace = event.metadata.trace;
      this.performanceConfig = event.metadata.performanceConfig;
      this.serviceTier = event.metadata.serviceTier;
    }
  }

  private addDelta(index: number, delta: NonNullable<ConverseStreamOutput["contentBlockDelta"]>["delta"]): void {
    if (!delta) return;
    let block = this.blocks.get(index);
    if (delta.text !== undefined) {
      if (!block) this.blocks.set(index, (block = { kind: "text", text: "" }));
      block.text += delta.text;
    } else if (delta.toolUse) {
      if (!block) this.blocks.set(index, (block = { kind: "toolUse", text: "" }));
      block.text += delta.toolUse.input ?? "";
    } else if (delta.reasoningContent) {
      const reasoning = delta.reasoningContent;
      if (reasoning.redactedContent) {
        if (!block) this.blocks.set(index, (block = { kind: "redacted", text: "", redacted: [] }));
        block.redacted?.push(reasoning.redactedContent);
      } else {
        if (!block) this.blocks.set(index, (block = { kind: "reasoning", text: "" }));
        if (reasoning.text !== undefined) block.text += reasoning.text;
        if (reasoning.signature !== undefined) block.signature = (block.signature ?? "") + reasoning.signature;
      }
    }
  }

  /** True once a `messageStop` event arrived: a stream that ends without one may be cut off. */
  get stopped(): boolean {
    return this.sawStop;
  }

  finish(): ModelResponse {
    const content: ContentBlock[] = [];
    for (const index of [...this.blocks.keys()].sort((a, b) => a - b)) {
      const block = this.blocks.get(index);
      const converted = block && toContentBlock(block);
      if (converted) content.push(converted);
    }
    return {
      output: { message: { role: this.role, content } },
      stopReason: this.stopReason ?? "end_turn",
      usage: this.usage ?? { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
      metrics: this.metrics ?? { latencyMs: 0 },
      ...(this.additionalModelResponseFields !== undefined && { additionalModelResponseFields: this.additionalModelResponseFields }),
      ...(this.trace !== undefined && { trace: this.trace }),
      ...(this.performanceConfig !== undefined && { performanceConfig: this.performanceConfig }),
      ...(this.serviceTier !== undefined && { serviceTier: this.serviceTier }),
    };
  }
}

function toContentBlock(block: BlockDraft): ContentBlock | undefined {
  switch (block.kind) {
    case "text":
      return block.text.trim() === "" ? undefined : { text: block.text };
    case "toolUse":
      return {
        toolUse: {
          toolUseId: block.toolUseId,
          name: block.name,
          input: parseToolInput(block.text) as never,
          ...(block.toolType !== undefined && { type: block.toolType as "server_tool_use" }),
        },
      };
    case "reasoning": {
      const reasoningContent: ReasoningContentBlock = {
        reasoningText: { text: block.text, ...(block.signature !== undefined && { signature: block.signature }) },
      };
      return { reasoningContent };
    }
    case "redacted":
      return { reasoningContent: { redactedContent: concatBytes(block.redacted ?? []) } };
  }
}

/** Streamed tool input is JSON text split across deltas; none at all means a tool without parameters. */
export function parseToolInput(text: string): Record<string, unknown> | unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Keep the raw text so the tool loop can answer the model with a readable error.
    return { __unparsedInput: text };
  }
}

function concatBytes(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
