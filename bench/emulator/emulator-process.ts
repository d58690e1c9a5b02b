/** The driver's handle on the emulator child process. */
import { ChildChannel } from "../process/child-channel.js";

export interface ServerUsage {
  cpuMicroseconds: number;
  peakRssBytes: number;
}

export class EmulatorProcess {
  private constructor(
    private readonly channel: ChildChannel,
    /** `http://127.0.0.1:PORT` */
    readonly url: string,
  ) {}

  static async start(): Promise<EmulatorProcess> {
    const channel = ChildChannel.fork(new URL("./emulator-server.ts", import.meta.url), [], "emulator");
    const url = await channel.request<string>({ type: "url" });
    return new EmulatorProcess(channel, url);
  }

  get pid(): number {
    return this.channel.pid;
  }

  usage(): Promise<ServerUsage> {
    return this.channel.request<ServerUsage>({ type: "usage" });
  }

  close(): Promise<void> {
    return this.channel.close();
  }
}
