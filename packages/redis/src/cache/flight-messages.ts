import { StoreUnavailableError } from "@sluice/core";
import type { RedisClient, RedisSubscriber } from "../shared/redis-client.js";

/** What a holder publishes on a key's channel when it lets go of the key. */
export type FlightMessage = { kind: "done"; entryText: string } | { kind: "released" };

/**
 * Subscriptions to the channels on which lease holders announce answers, on one pub/sub
 * connection per store (a duplicate of the store's client, opened at the first wait). A waiter
 * subscribes before it looks at the lock, so no announcement can slip between the two.
 *
 * @example
 * const inbox = await messages.listen(channel); try { ... await inbox.next(ms, signal) ... } finally { await inbox.close(); }
 */
export class FlightMessages {
  private subscriber: Promise<RedisSubscriber> | undefined;

  constructor(
    private readonly client: RedisClient,
    private readonly store: string,
  ) {}

  /** Starts buffering the messages of `channel`. */
  async listen(channel: string): Promise<FlightInbox> {
    const subscriber = await this.connect();
    const listener = (message: string): void => inbox.push(parseMessage(message));
    const inbox: FlightInbox = new FlightInbox((): Promise<void> => subscriber.unsubscribe(channel, listener));
    try {
      await subscriber.subscribe(channel, listener);
    } catch (error) {
      throw new StoreUnavailableError(this.store, "claim", `${this.store}: could not subscribe to ${channel}: ${String(error)}.`, error);
    }
    return inbox;
  }

  /** Closes the pub/sub connection, if one was opened. */
  async close(): Promise<void> {
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    if (subscriber) await subscriber.then((connection) => connection.close()).catch(() => undefined);
  }

  private connect(): Promise<RedisSubscriber> {
    this.subscriber ??= (async () => {
      const connection = this.client.duplicate();
      connection.on("error", () => undefined); // reconnects by itself; waits time out meanwhile
      await connection.connect();
      return connection;
    })().catch((error: unknown) => {
      this.subscriber = undefined;
      throw new StoreUnavailableError(this.store, "claim", `${this.store}: could not open the pub/sub connection: ${String(error)}.`, error);
    });
    return this.subscriber;
  }
}

/** The messages of one channel for one waiter, in arrival order. */
export class FlightInbox {
  private readonly queued: FlightMessage[] = [];
  private wake: (() => void) | undefined;

  constructor(private readonly stop: () => Promise<void>) {}

  push(message: FlightMessage | undefined): void {
    if (!message) return;
    this.queued.push(message);
    this.wake?.();
  }

  /** The next message, or undefined after `waitMs` or when `signal` aborts. */
  async next(waitMs: number, signal: AbortSignal): Promise<FlightMessage | undefined> {
    if (this.queued.length === 0 && !signal.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener("abort", done);
          this.wake = undefined;
          resolve();
        };
        const timer = setTimeout(done, Math.max(0, waitMs));
        signal.addEventListener("abort", done, { once: true });
        this.wake = done;
      });
    }
    return this.queued.shift();
  }

  async close(): Promise<void> {
    await this.stop().catch(() => undefined);
  }
}

/** `done:<entry JSON>` or `released`. */
function parseMessage(message: string): FlightMessage | undefined {
  if (message === "released") return { kind: "released" };
  if (message.startsWith("done:")) return { kind: "done", entryText: message.slice(5) };
  return undefined;
}
