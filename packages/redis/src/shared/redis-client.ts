/**
 * What Sluice's Redis stores use of a node-redis client (`createClient()` from `redis` 6): raw
 * commands and, for the response cache's single-flight, a duplicate connection for pub/sub.
 * Pass your connected client; Sluice never closes it.
 *
 * @example
 * const client = await createClient({ url: "redis://127.0.0.1:6379" }).on("error", console.error).connect();
 * const store = new RedisConversationStore({ client });
 */
export interface RedisClient {
  sendCommand(args: ReadonlyArray<string>, options?: { timeout?: number }): Promise<unknown>;
  /** A new client with the same options (used for the pub/sub connection; Sluice connects and closes it). */
  duplicate(): RedisSubscriber;
}

/** The pub/sub side of a node-redis client, from `client.duplicate()`. */
export interface RedisSubscriber {
  connect(): Promise<unknown>;
  subscribe(channel: string, listener: (message: string, channel: string) => unknown): Promise<void>;
  unsubscribe(channel: string, listener: (message: string, channel: string) => unknown): Promise<void>;
  close(): Promise<void>;
  destroy(): void;
  on(event: "error", listener: (error: Error) => void): unknown;
}
