import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

describe("openTelemetry()", () => {
  it("leaves @opentelemetry/api unloaded until tracing is set up", async () => {
    // A fresh process, as an app that imports the package and traces only later.
    const probe =
      `const { createRequire } = await import("node:module"); ` +
      `const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes("/@opentelemetry/api/")); ` +
      `const { tracingMiddleware } = await import("@sluice/middleware"); const atImport = loaded(); ` +
      `tracingMiddleware(); process.stdout.write(JSON.stringify({ atImport, afterSetup: loaded() }));`;
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "--conditions=development", "--import", "tsx", "-e", probe], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      env: { ...process.env, NODE_OPTIONS: "" },
    });
    expect(JSON.parse(stdout)).toEqual({ atImport: false, afterSetup: true });
  });
});
