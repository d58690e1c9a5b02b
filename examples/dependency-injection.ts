/**
 * Wiring Sluice with dependency injection: one container holds the client, model ID, logger and
 * model for every agent built from it, and a registration is swapped by registering again.
 * Here the logger becomes a collecting logger and the model becomes one that counts its calls.
 */
import "reflect-metadata";
import { fileURLToPath } from "node:url";
import { container as rootContainer } from "tsyringe";
import { registerSluice } from "@sluice/core/di";
import { Agent, ConverseModel, Tokens, type Logger, type Model, type ModelCallOptions, type ModelRequest } from "@sluice/core";
import { startEmulator } from "@sluice/emulator";

/** A logger that keeps its lines (a real application would register pino here). */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  debug(record: Record<string, unknown>, message?: string) {
    this.lines.push(`debug ${message ?? ""} ${JSON.stringify(record)}`);
  }
  info(record: Record<string, unknown>, message?: string) {
    this.lines.push(`info ${message ?? ""} ${JSON.stringify(record)}`);
  }
  warn(record: Record<string, unknown>, message?: string) {
    this.lines.push(`warn ${message ?? ""} ${JSON.stringify(record)}`);
  }
  error(record: Record<string, unknown>, message?: string) {
    this.lines.push(`error ${message ?? ""} ${JSON.stringify(record)}`);
  }
}

/** A model that counts calls, then hands them to Bedrock's Converse API. */
export class CountingModel implements Model {
  calls = 0;
  constructor(private readonly inner: Model) {}
  converse(request: ModelRequest, options?: ModelCallOptions) {
    this.calls += 1;
    return this.inner.converse(request, options);
  }
  converseStream(request: ModelRequest, options?: ModelCallOptions) {
    this.calls += 1;
    return this.inner.converseStream(request, options);
  }
}

export async function runDependencyInjectionExample(write: (line: string) => void = console.log) {
  const emulator = await startEmulator();
  try {
    const container = registerSluice(rootContainer.createChildContainer(), {
      modelId: "amazon.nova-lite-v1:0",
      clientOptions: { endpoint: emulator.url, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } },
    });

    // Swap the logger and the model by registering replacements.
    const logger = new MemoryLogger();
    container.register(Tokens.Logger, { useValue: logger });
    const model = new CountingModel(new ConverseModel(container.resolve(Tokens.BedrockClient)));
    container.register(Tokens.Model, { useValue: model });

    const support = new Agent({ container, system: "You answer support questions." });
    const sales = new Agent({ container, system: "You answer sales questions." });
    write((await support.send("My order is late")).text);
    write((await sales.send("Do you ship to Norway?")).text);
    write(`model calls: ${model.calls}, log lines: ${logger.lines.length}`);
    return { calls: model.calls, logLines: logger.lines };
  } finally {
    await emulator.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  await runDependencyInjectionExample();
}
