import type { NodeHttpHandler } from "@smithy/node-http-handler";

type HandlerOptions = NonNullable<ConstructorParameters<typeof NodeHttpHandler>[0]> & Record<string, unknown>;

/**
 * Sluice's default transport: the AWS SDK's `NodeHttpHandler` over keep-alive HTTP/1.1 agents,
 * loaded at the first request. On Node 20, an ES module that imports `@smithy/node-http-handler`
 * before the AWS SDK has loaded it makes Node compile it a second time, about 20 ms of every
 * start-up; at the first request the SDK has long loaded it, and the import costs next to nothing.
 *
 * @example
 * new BedrockRuntimeClient({ region: "us-east-1", requestHandler: new KeepAliveHttpHandler(50) });
 */
export class KeepAliveHttpHandler {
  readonly metadata = { handlerProtocol: "http/1.1" };
  private handler: NodeHttpHandler | undefined;
  private loading: Promise<NodeHttpHandler> | undefined;
  private readonly config: HandlerOptions;

  constructor(maxSockets: number) {
    this.config = { httpAgent: { keepAlive: true, maxSockets }, httpsAgent: { keepAlive: true, maxSockets } };
  }

  handle(...args: Parameters<NodeHttpHandler["handle"]>): ReturnType<NodeHttpHandler["handle"]> {
    if (this.handler) return this.handler.handle(...args);
    return this.load().then((handler) => handler.handle(...args));
  }

  updateHttpClientConfig(key: keyof HandlerOptions, value: HandlerOptions[typeof key]): void {
    if (this.handler) this.handler.updateHttpClientConfig(key as never, value as never);
    else this.config[key] = value;
  }

  httpHandlerConfigs(): HandlerOptions {
    return this.handler ? (this.handler.httpHandlerConfigs() as HandlerOptions) : { ...this.config };
  }

  destroy(): void {
    this.handler?.destroy();
  }

  private load(): Promise<NodeHttpHandler> {
    this.loading ??= import("@smithy/node-http-handler").then(({ NodeHttpHandler }) => (this.handler = new NodeHttpHandler(this.config)));
    return this.loading;
  }
}
