import { mkdirSync, mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, typescript5Cli, typescript7Cli } from "../shared/repo-paths.js";
import { cleanEnvironment, runCommand } from "../shared/run-command.js";
import { snippetById } from "../snippets/extract-snippets.js";
import { checkPackedPackage } from "./check-packed-package.js";
import { copyAppFiles, installArguments, installedCopies, npmInstall, runNode, writeAppFile } from "./consumer-app.js";
import { buildAndPackPublicPackages, type PackedPackage } from "./pack-public-packages.js";

// Packs every public package the way it is published (pnpm pack), checks each tarball, and installs
// them with npm into two temporary apps: a fresh one following the README's install lines, and one
// that already has older compatible peers. Slow (a build, five packs, two npm installs), so the
// timeouts are generous; the npm cache makes later runs faster.
const minutes = 60_000;
const peers = ["tsyringe", "reflect-metadata", "@opentelemetry/api", "@aws-sdk/client-bedrock-runtime", "zod"];
let work: string;
let packed: PackedPackage[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "sluice-packaging-"));
  packed = await buildAndPackPublicPackages(join(work, "tarballs"));
}, 10 * minutes);
afterAll(async () => {
  if (work !== undefined) await rm(work, { recursive: true, force: true });
}, 5 * minutes);

const tsc = (cli: string, app: string, project: string) =>
  runCommand(process.execPath, [cli, "-p", project, "--pretty", "false"], { cwd: app, env: cleanEnvironment(), timeoutMs: 5 * minutes });

describe("packed packages", () => {
  it("are fit to publish: no workspace: range or development condition, LICENSE, README, a source for every map, declared imports", async () => {
    expect(packed.map((pkg) => pkg.name).sort()).toEqual(["@sluice/cli", "@sluice/core", "@sluice/dbos", "@sluice/emulator", "@sluice/mcp", "@sluice/middleware", "@sluice/postgres", "@sluice/providers", "@sluice/redis", "@sluice/store-conformance", "@sluice/tools", "@sluice/workflows"]);
    const problems: string[] = [];
    for (const pkg of packed) {
      const unpacked = join(work, "unpacked", pkg.name.replace("/", "__"));
      mkdirSync(unpacked, { recursive: true });
      await runCommand("tar", ["-xzf", pkg.tarball, "-C", unpacked], { cwd: work });
      problems.push(...checkPackedPackage(pkg, unpacked));
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("cannot be packed with npm, which would publish workspace: ranges and the development condition", async () => {
    const result = await runCommand("npm", ["pack", "--dry-run"], { cwd: join(repoRoot, "packages", "tools"), env: cleanEnvironment(), allowFailure: true });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("Refusing to pack @sluice/tools with npm/");
  }, 2 * minutes);
});

describe("a fresh npm app that follows the README's install lines", () => {
  let app: string;
  beforeAll(async () => {
    app = join(work, "fresh-app");
    copyAppFiles("fresh", app);
    copyAppFiles(".", app, ["tsconfig.nodenext.json", "tsconfig.bundler.json"]);
    await runCommand("npm", ["init", "-y"], { cwd: app, env: cleanEnvironment() });
    const install = snippetById("README.md", "install");
    await npmInstall(app, [...installArguments(install.code, packed), "@types/node@20.19.43"]);
    writeAppFile(app, "first-agent.mts", snippetById("README.md", "first-agent").code);
  }, 10 * minutes);

  it.each([
    ["TypeScript 7", typescript7Cli],
    ["TypeScript 5.9", typescript5Cli],
  ])("type-checks its programs under module NodeNext and moduleResolution bundler, strict, with %s", async (_, cli) => {
    await tsc(cli, app, "tsconfig.bundler.json");
    await tsc(cli, app, "tsconfig.nodenext.json"); // emits build/*.mjs, run below
  }, 5 * minutes);

  it("runs an agent with a tool, middleware, InvokeModel and embeddings against the emulator", async () => {
    await tsc(typescript7Cli, app, "tsconfig.nodenext.json");
    const { stdout } = await runNode(app, ["build/check-agent.mjs"]);
    const summary = JSON.parse(stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      text: "21 degrees and sunny in Lisbon.",
      status: "complete",
      toolCalls: ["LISBON/celsius"],
      toolResultSent: { content: [{ json: { city: "Lisbon", temperature: 21, sky: "sunny" } }], status: "success" },
      modelCalls: 2,
      invokedText: "You said: Hello over InvokeModel",
      embeddingLengths: [256, 256],
      scriptedText: "Hi from the script.",
    });
    expect(summary["operations"]).toEqual(["Converse", "Converse", "InvokeModel", "InvokeModel", "InvokeModel"]);
  }, 5 * minutes);

  it("runs the README's first agent as written (npx tsx agent.mts)", async () => {
    const { stdout } = await runNode(app, [join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs"), "first-agent.mts"]);
    expect(stdout).toContain("[get_weather answered]");
    expect(stdout).toContain("It is 21°C and sunny in Lisbon.");
  }, 5 * minutes);

  it("require()s every package from CommonJS (Node 20.19+)", async () => {
    const { stdout } = await runNode(app, ["require-packages.cjs"]);
    expect(JSON.parse(stdout)).toEqual({
      Agent: "function",
      ScriptedModel: "function",
      defineTool: "function",
      invokeModel: "function",
      retryMiddleware: "function",
      startEmulator: "function",
    });
  }, 2 * minutes);

  it("holds one copy of each peer dependency", () => {
    for (const name of [...peers, "@sluice/core"]) expect(installedCopies(app, name), name).toHaveLength(1);
  });
});

describe("an app that already has older compatible tsyringe, reflect-metadata, OpenTelemetry API, AWS SDK and zod", () => {
  let app: string;
  beforeAll(async () => {
    app = join(work, "existing-app");
    copyAppFiles("existing", app);
    await npmInstall(app, packed.map((pkg) => pkg.tarball));
  }, 10 * minutes);

  it("keeps its own copy of each, and no second one", () => {
    const expected: Record<string, string> = {
      tsyringe: "4.8.0",
      "reflect-metadata": "0.1.14",
      "@opentelemetry/api": "1.4.1",
      "@aws-sdk/client-bedrock-runtime": "3.1164.0",
      zod: "3.25.76",
    };
    for (const [name, version] of Object.entries(expected)) expect(installedCopies(app, name), name).toEqual([`node_modules/${name}@${version}`]);
  });

  it("resolves the agent from the app's container and records its spans with the app's tracer provider", async () => {
    await tsc(typescript7Cli, app, "tsconfig.json");
    const { stdout } = await runNode(app, ["build/di-and-tracing.mjs"]);
    const summary = JSON.parse(stdout) as { text: string; toolResultSent: unknown; model: string; spans: string[] };
    expect(summary.text).toBe("19°C in Lisbon.");
    expect(summary.toolResultSent).toMatchObject({ content: [{ json: { city: "Lisbon", temperature: "19°C" } }], status: "success" });
    expect(summary.model).toBe("ConverseModel");
    expect([...summary.spans].sort()).toEqual([
      "chat us.anthropic.claude-3-5-haiku-20241022-v1:0",
      "chat us.anthropic.claude-3-5-haiku-20241022-v1:0",
      "execute_tool get_weather",
      "invoke_agent weather-agent",
    ]);
  }, 5 * minutes);
});
