/** What the driver asks a contender's client process, and what it answers. */

export interface WeatherBatchRequest {
  type: "weather";
  streaming: boolean;
  runs: number;
  concurrency: number;
}

export interface BatchResult {
  /** Wall time of each run (or turn), in milliseconds, in completion order. */
  durationsMs: number[];
  /** Runs that threw, answered wrongly, or (weather) ran the tool other than once. */
  failures: number;
  /** The first failure's message, to tell what went wrong. */
  firstFailure?: string;
  /** Client CPU time over the whole batch (user + system), in microseconds. */
  cpuMicroseconds: number;
  /** Wall time of the whole batch, in milliseconds. */
  wallMs: number;
  /** The client process's peak resident set size so far, in bytes. */
  peakRssBytes: number;
}

export interface ConversationTurnsRequest {
  type: "conversation-turns";
  count: number;
}

export interface IdleMemoryRequest {
  type: "idle-memory";
  agents: number;
  messagesPerAgent: number;
}

export interface IdleMemoryResult {
  /** Growth of the V8 heap plus external memory after a full garbage collection, in bytes. */
  retainedBytes: number;
  /** Growth of the resident set size, in bytes. */
  rssGrowthBytes: number;
  agents: number;
}

/** Every request a client process answers; `ready` resolves once its contender is set up. */
export type ClientRequest = WeatherBatchRequest | ConversationTurnsRequest | IdleMemoryRequest | { type: "ready" };
