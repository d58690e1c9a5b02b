#!/usr/bin/env node
import { createProgram } from "./program.js";

// The pinned AWS SDK warns on Node 20 about its releases after January 2027; it is noise in a terminal.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

createProgram()
  .parseAsync(process.argv)
  .then(
    () => exit(typeof process.exitCode === "number" ? process.exitCode : 0),
    (error: unknown) => {
      process.stderr.write(`sluice: ${error instanceof Error ? error.message : String(error)}\n`);
      exit(1);
    },
  );

/** Exits once standard output is flushed (writes to a pipe are asynchronous), even if idle keep-alive sockets remain. */
function exit(code: number): void {
  process.stdout.write("", () => process.exit(code));
}
