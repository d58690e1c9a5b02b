/** The driver's handle on one contender's client process. */
import { ChildChannel } from "../process/child-channel.js";
import type { ContenderDefinition } from "../contenders/index.js";
import type { BatchResult, IdleMemoryResult } from "./batch-types.js";

export class ClientProcess {
  private constructor(
    private readonly channel: ChildChannel,
    readonly contender: ContenderDefinition,
  ) {}

  /** Forks the client of `contender` against `endpoint` and waits until it is set up. */
  static async start(contender: ContenderDefinition, endpoint: string, options: { exposeGc?: boolean } = {}): Promise<ClientProcess> {
    const channel = ChildChannel.fork(
      new URL("./client-process.ts", import.meta.url),
      [contender.key, endpoint],
      contender.key,
      options.exposeGc === true ? ["--expose-gc"] : [],
    );
    await channel.request({ type: "ready" });
    return new ClientProcess(channel, contender);
  }

  weather(streaming: boolean, runs: number, concurrency: number): Promise<BatchResult> {
    return this.channel.request<BatchResult>({ type: "weather", streaming, runs, concurrency });
  }

  conversationTurns(count: number): Promise<BatchResult> {
    return this.channel.request<BatchResult>({ type: "conversation-turns", count });
  }

  idleMemory(agents: number, messagesPerAgent: number): Promise<IdleMemoryResult> {
    return this.channel.request<IdleMemoryResult>({ type: "idle-memory", agents, messagesPerAgent });
  }

  close(): Promise<void> {
    return this.channel.close();
  }
}
