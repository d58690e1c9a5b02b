/**
 * The events of one streamed run: pushed by the run, read once with `for await`. Events pushed
 * before the reader arrives wait for it; `end` and `fail` finish the iteration after them.
 */
export class EventQueue<Event> implements AsyncIterable<Event> {
  private readonly buffered: Event[] = [];
  private reader: { resolve: (result: IteratorResult<Event>) => void; reject: (error: unknown) => void } | undefined;
  private ending: { error: unknown } | "done" | undefined;
  private taken = false;

  push(event: Event): void {
    if (this.ending !== undefined) return;
    const reader = this.reader;
    if (reader) {
      this.reader = undefined;
      reader.resolve({ value: event, done: false });
    } else {
      this.buffered.push(event);
    }
  }

  end(error?: unknown): void {
    if (this.ending !== undefined) return;
    this.ending = error === undefined ? "done" : { error };
    const reader = this.reader;
    this.reader = undefined;
    if (reader) this.settle(reader);
  }

  [Symbol.asyncIterator](): AsyncIterator<Event> {
    if (this.taken) throw new Error("A workflow stream can be read once.");
    this.taken = true;
    return {
      next: () =>
        new Promise<IteratorResult<Event>>((resolve, reject) => {
          if (this.buffered.length > 0) resolve({ value: this.buffered.shift() as Event, done: false });
          else if (this.ending !== undefined) this.settle({ resolve, reject });
          else this.reader = { resolve, reject };
        }),
      return: async () => {
        this.ending ??= "done";
        this.buffered.length = 0;
        return { value: undefined, done: true };
      },
    };
  }

  private settle(reader: { resolve: (result: IteratorResult<Event>) => void; reject: (error: unknown) => void }): void {
    const ending = this.ending;
    if (typeof ending === "object") {
      this.ending = "done"; // the error is reported once
      reader.reject(ending.error);
    } else {
      reader.resolve({ value: undefined, done: true });
    }
  }
}
