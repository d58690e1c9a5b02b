import { Command, InvalidArgumentError } from "commander";
import { startEmulator, type EmulatorOptions } from "@sluice/emulator";

/**
 * `sluice emulator`: starts the local Bedrock Runtime emulator (what `sluice-emulator` does) and
 * runs until Ctrl-C or SIGTERM.
 *
 * @example
 * createProgram().parseAsync(["node", "sluice", "emulator", "--port", "4599"]);
 */
export function emulatorCommand(): Command {
  return new Command("emulator")
    .description("Start the local Bedrock Runtime emulator (Converse, ConverseStream, InvokeModel, CountTokens) answering from a scripted model")
    .option("--port <number>", "port to listen on (0 picks a free port)", nonNegative, 4599)
    .option("--host <address>", "interface to bind", "127.0.0.1")
    .option("--script <file>", "JSON script: turns, rules, per-model scripts, streaming, faults")
    .option("--chunk-size <number>", "characters per streamed delta (default 8)", nonNegative)
    .option("--first-token-delay <ms>", "delay before the first streamed event (default 0)", nonNegative)
    .option("--chunk-delay <ms>", "delay between streamed events (default 0)", nonNegative)
    .option("--require-authorization", "answer requests without an Authorization header with 403")
    .action(async (options: { port: number; host: string; script?: string; chunkSize?: number; firstTokenDelay?: number; chunkDelay?: number; requireAuthorization?: boolean }) => {
      const settings: EmulatorOptions = {
        port: options.port,
        host: options.host,
        requireAuthorization: options.requireAuthorization === true,
        streaming: {
          ...(options.chunkSize !== undefined && { chunkSize: options.chunkSize }),
          ...(options.firstTokenDelay !== undefined && { firstTokenDelayMs: options.firstTokenDelay }),
          ...(options.chunkDelay !== undefined && { chunkDelayMs: options.chunkDelay }),
        },
        ...(options.script !== undefined && { scriptFile: options.script }),
      };
      const emulator = await startEmulator(settings);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          void emulator.close().then(resolve);
        };
        // Listen before announcing the URL: whoever reads it may signal at once.
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
        process.stdout.write(`Sluice Bedrock emulator listening on ${emulator.url}\n`);
      });
    });
}

function nonNegative(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new InvalidArgumentError(`expected a number ≥ 0, got "${value}".`);
  return parsed;
}
