import type { ConverseStreamOutput, StopReason, TokenUsage } from "@aws-sdk/client-bedrock-runtime";
import { completeUsage, mergeUsage } from "./token-usage.js";

type BlockKind = "text" | "reasoning" | "redacted" | "toolUse";

/**
 * Builds a well-formed ConverseStream event sequence while a family's decoder reads native
 * chunks: `messageStart` first, one content-block index per block (assigned here, so native
 * indices never leak), `contentBlockStart` only for tool use (as ConverseStream does), a stop
 * for every block, then `messageStop` and `metadata` last. Consecutive text deltas share one
 * block, which also merges families that send every token as its own block.
 *
 * @example
 * const writer = new ConverseStreamWriter();
 * writer.text("Hel"); writer.text("lo");
 * writer.stop("end_turn");
 * writer.finish({ inputTokens: 3, outputTokens: 1 }, 12);
 * writer.drain(); // messageStart, 2 deltas, contentBlockStop, messageStop, metadata
 */
export class ConverseStreamWriter {
  private queue: ConverseStreamOutput[] = [];
  private started = false;
  private finished = false;
  private nextIndex = 0;
  private open: { index: number; kind: BlockKind } | undefined;
  private stopReason: StopReason | undefined;
  private bodyUsage: Partial<TokenUsage> = {};
  private toolUses = 0;

  /** Emits `messageStart` (once). Content methods call it for you. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.queue.push({ messageStart: { role: "assistant" } });
  }

  /** Appends text to the open text block, opening one if needed. Empty text is ignored. */
  text(text: string): void {
    if (text === "") return;
    const index = this.ensureBlock("text");
    this.queue.push({ contentBlockDelta: { contentBlockIndex: index, delta: { text } } });
  }

  /** Appends reasoning text to the open reasoning block, opening one if needed. */
  reasoningText(text: string): void {
    if (text === "") return;
    const index = this.ensureBlock("reasoning");
    this.queue.push({ contentBlockDelta: { contentBlockIndex: index, delta: { reasoningContent: { text } } } });
  }

  /** The signature that closes a reasoning block (Claude extended thinking). */
  reasoningSignature(signature: string): void {
    if (signature === "") return;
    const index = this.ensureBlock("reasoning");
    this.queue.push({ contentBlockDelta: { contentBlockIndex: index, delta: { reasoningContent: { signature } } } });
  }

  /** A redacted reasoning block, as its own block. */
  redactedReasoning(data: Uint8Array): void {
    this.endBlock();
    const index = this.ensureBlock("redacted");
    this.queue.push({ contentBlockDelta: { contentBlockIndex: index, delta: { reasoningContent: { redactedContent: data } } } });
  }

  /** Opens a tool-use block with `contentBlockStart`. */
  toolUse(toolUseId: string, name: string): void {
    this.endBlock();
    const index = this.openBlock("toolUse");
    this.toolUses += 1;
    this.queue.push({ contentBlockStart: { contentBlockIndex: index, start: { toolUse: { toolUseId, name } } } });
  }

  /** Appends partial JSON input to the open tool-use block. */
  toolInput(partialJson: string): void {
    if (this.open?.kind !== "toolUse") throw new Error("toolInput() called with no tool-use block open; call toolUse() first.");
    this.queue.push({ contentBlockDelta: { contentBlockIndex: this.open.index, delta: { toolUse: { input: partialJson } } } });
  }

  /** A whole tool call at once: start, its input as one delta, stop. */
  completeToolUse(toolUseId: string, name: string, input: unknown): void {
    this.toolUse(toolUseId, name);
    this.toolInput(JSON.stringify(input ?? {}));
    this.endBlock();
  }

  /** Closes the open block, if any. */
  endBlock(): void {
    if (!this.open) return;
    this.queue.push({ contentBlockStop: { contentBlockIndex: this.open.index } });
    this.open = undefined;
  }

  /** Kind of the open block, if any. */
  get openBlockKind(): BlockKind | undefined {
    return this.open?.kind;
  }

  /** Number of tool-use blocks written so far. */
  get toolUseCount(): number {
    return this.toolUses;
  }

  /** Records why the model stopped; written by `finish()`. A later call wins. */
  stop(stopReason: StopReason): void {
    this.stopReason = stopReason;
  }

  /** Records token counts read from the native chunks (invocation metrics override them). */
  usage(usage: Partial<TokenUsage>): void {
    this.bodyUsage = mergeUsage(this.bodyUsage, usage);
  }

  /**
   * Closes the message: open block, `messageStop`, `metadata`. `usage` (from Bedrock's
   * invocation metrics) overrides counts recorded from the body. Idempotent.
   */
  finish(usage?: Partial<TokenUsage>, latencyMs?: number): void {
    if (this.finished) return;
    this.start();
    this.endBlock();
    this.finished = true;
    this.queue.push({ messageStop: { stopReason: this.stopReason ?? (this.toolUses > 0 ? "tool_use" : "end_turn") } });
    this.queue.push({
      metadata: { usage: completeUsage(mergeUsage(this.bodyUsage, usage)), metrics: { latencyMs: latencyMs ?? 0 } },
    });
  }

  /** Events written since the last call. */
  drain(): ConverseStreamOutput[] {
    const events = this.queue;
    this.queue = [];
    return events;
  }

  private ensureBlock(kind: BlockKind): number {
    if (this.open?.kind === kind) return this.open.index;
    this.endBlock();
    return this.openBlock(kind);
  }

  private openBlock(kind: BlockKind): number {
    this.start();
    const index = this.nextIndex;
    this.nextIndex += 1;
    this.open = { index, kind };
    return index;
  }
}
