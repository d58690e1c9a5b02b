/** A piece of model output: reasoning inside the tags, or answer text outside them. */
export interface TaggedSegment {
  kind: "reasoning" | "text";
  text: string;
}

/**
 * Splits streamed text into reasoning and answer where a model writes its reasoning inline
 * between tags (gpt-oss `<reasoning>…</reasoning>`, DeepSeek R1 `…</think>`). Tags may be
 * split across chunks: a possible tag start is held back until it is decided.
 *
 * @example
 * const splitter = new TaggedTextSplitter("<reasoning>", "</reasoning>", "text");
 * splitter.push("<reaso"); // []
 * splitter.push("ning>Think</reasoning>Answer"); // [{ kind: "reasoning", text: "Think" }, { kind: "text", text: "Answer" }]
 */
export class TaggedTextSplitter {
  private buffer = "";

  constructor(
    private readonly openTag: string,
    private readonly closeTag: string,
    private state: "reasoning" | "text",
  ) {}

  /** Segments that are certain after this chunk. */
  push(chunk: string): TaggedSegment[] {
    this.buffer += chunk;
    const segments: TaggedSegment[] = [];
    for (;;) {
      const tag = this.state === "reasoning" ? this.closeTag : this.openTag;
      const at = this.buffer.indexOf(tag);
      if (at >= 0) {
        this.emit(segments, this.buffer.slice(0, at));
        this.buffer = this.buffer.slice(at + tag.length);
        this.state = this.state === "reasoning" ? "text" : "reasoning";
        continue;
      }
      // Keep back the longest suffix that could still grow into the tag.
      let keep = 0;
      for (let length = Math.min(tag.length - 1, this.buffer.length); length > 0; length -= 1) {
        if (tag.startsWith(this.buffer.slice(-length))) {
          keep = length;
          break;
        }
      }
      this.emit(segments, this.buffer.slice(0, this.buffer.length - keep));
      this.buffer = this.buffer.slice(this.buffer.length - keep);
      return segments;
    }
  }

  /** Whatever was held back, once the stream has ended. */
  end(): TaggedSegment[] {
    const segments: TaggedSegment[] = [];
    this.emit(segments, this.buffer);
    this.buffer = "";
    return segments;
  }

  /** Whether the splitter is currently inside the tags. */
  get inReasoning(): boolean {
    return this.state === "reasoning";
  }

  private emit(segments: TaggedSegment[], text: string): void {
    if (text !== "") segments.push({ kind: this.state, text });
  }
}
