#!/usr/bin/env node
import { parseArgs } from "node:util";
import { startEmulator } from "./server/start-emulator.js";
import type { EmulatorOptions } from "./server/emulator-options.js";

const usage = `Usage: sluice-emulator [options]

A local Amazon Bedrock Runtime (Converse, ConverseStream, InvokeModel, InvokeModelWithResponseStream,
CountTokens) answering from a scripted model.

Options:
  --port <number>            Port to listen on (default 4599; 0 picks a free port)
  --host <address>           Interface to bind (default 127.0.0.1)
  --script <file>            JSON script: turns, rules, per-model scripts, streaming, faults
  --chunk-size <number>      Characters per streamed delta (default 8)
  --first-token-delay <ms>   Delay before the first streamed event (default 0)
  --chunk-delay <ms>         Delay between streamed events (default 0)
  --require-authorization    Answer requests without an Authorization header with 403
  --help                     Show this help
`;

function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) {
    throw new Error(`--${name} must be a number ≥ 0, got "${value}"`);
  }
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      script: { type: "string" },
      "chunk-size": { type: "string" },
      "first-token-delay": { type: "string" },
      "chunk-delay": { type: "string" },
      "require-authorization": { type: "boolean" },
      help: { type: "boolean" },
    },
    strict: true,
  });
  if (values.help === true) {
    process.stdout.write(usage);
    return;
  }
  const chunkSize = numberOption("chunk-size", values["chunk-size"]);
  const firstTokenDelayMs = numberOption("first-token-delay", values["first-token-delay"]);
  const chunkDelayMs = numberOption("chunk-delay", values["chunk-delay"]);
  const options: EmulatorOptions = {
    port: numberOption("port", values.port) ?? 4599,
    host: values.host ?? "127.0.0.1",
    requireAuthorization: values["require-authorization"] === true,
    streaming: {
      ...(chunkSize === undefined ? {} : { chunkSize }),
      ...(firstTokenDelayMs === undefined ? {} : { firstTokenDelayMs }),
      ...(chunkDelayMs === undefined ? {} : { chunkDelayMs }),
    },
    ...(values.script === undefined ? {} : { scriptFile: values.script }),
  };
  const emulator = await startEmulator(options);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void emulator.close().then(() => process.exit(0));
  };
  // Listen before announcing the URL: whoever reads it may signal us right away.
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  process.stdout.write(`Sluice Bedrock emulator listening on ${emulator.url}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`sluice-emulator: ${(error as Error).message}\n\n${usage}`);
  process.exit(1);
});
