/**
 * A single-consumer async queue: the producer pushes, the consumer iterates; events pushed before
 * anyone iterates are kept. `fail` ends the iteration with an error after the queued events.
 */
export class EventChannel<T> implements AsyncIterable<T> {
  private readonly queued: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private failWaiting: ((error: unknown) => void) | undefined;
  private closed = false;
  private error: { value: unknown } | undefined;
  private iterated = false;

  push(value: T): void {
    if (this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = this.failWaiting = undefined;
      resolve({ value, done: false });
    } else {
      this.queued.push(value);
    }
  }

  close(): void {
    this.closed = true;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = this.failWaiting = undefined;
      resolve({ value: undefined, done: true });
    }
  }

  fail(error: unknown): void {
    if (this.closed) return;
    this.error = { value: error };
    this.closed = true;
    if (this.failWaiting) {
      const reject = this.failWaiting;
      this.waiting = this.failWaiting = undefined;
      reject(error);
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.iterated) throw new Error("This stream can be iterated once.");
    this.iterated = true;
    return {
      next: () => {
        const value = this.queued.shift();
        if (value !== undefined) return Promise.resolve({ value, done: false });
        if (this.error) {
          const error = this.error.value;
          this.error = undefined;
          return Promise.reject(error);
        }
        if (this.closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise<IteratorResult<T>>((resolve, reject) => {
          this.waiting = resolve;
          this.failWaiting = reject;
        });
      },
      return: () => {
        this.closed = true;
        this.queued.length = 0;
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
