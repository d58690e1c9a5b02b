import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startEmulator } from "@sluice/emulator";
import { repoRoot, typescript7Cli } from "../shared/repo-paths.js";
import { cleanEnvironment, runCommand } from "../shared/run-command.js";
import { documentationFiles, extractSnippets, typeScriptLanguages, type Snippet } from "./extract-snippets.js";

/** Where the snippets are written as TypeScript files (inside the workspace, so imports resolve). */
export const generatedRoot = join(repoRoot, "tooling", "snippets", ".generated");
const contextsRoot = join(repoRoot, "tooling", "snippets", "contexts");
const afterMarker = "// --- after the snippet ---";

/** A snippet written out as a program: its file, and how its lines map back to the Markdown. */
export interface SnippetProgram {
  snippet: Snippet;
  path: string;
  /** Lines of context placed before the snippet's first line. */
  preludeLines: number;
}

/** `docs/tools.md block 3 (line 57)`: how every message names a snippet. */
export function describeSnippet(snippet: Snippet): string {
  return `${snippet.file} block ${snippet.index} (line ${snippet.line})`;
}

/** Every TypeScript block of the documentation that is checked (all but fragments). */
export function checkedTypeScriptSnippets(): Snippet[] {
  return documentationFiles()
    .flatMap(extractSnippets)
    .filter((snippet) => typeScriptLanguages.has(snippet.language) && snippet.mode !== "fragment");
}

/**
 * Writes each snippet as `<generatedRoot>/<file>_<block>.ts`: its contexts' code, the snippet, the
 * contexts' closing code, and `export {}` so each is a module of its own.
 */
export function writeSnippetPrograms(snippets: readonly Snippet[]): SnippetProgram[] {
  rmSync(generatedRoot, { recursive: true, force: true });
  mkdirSync(generatedRoot, { recursive: true });
  const config = (include: string[]) => JSON.stringify({ extends: "../../../tsconfig.base.json", compilerOptions: { noEmit: true }, include }, null, 2);
  writeFileSync(join(generatedRoot, "tsconfig.json"), config(["*.ts"]));
  // tsx applies a tsconfig only to the files it includes: the packages' sources need the decorator flags too.
  writeFileSync(join(generatedRoot, "tsconfig.run.json"), config(["*.ts", "../../../packages/*/src/**/*.ts"]));
  return snippets.map((snippet) => {
    const contexts = snippet.contexts.map((name) => readContext(snippet, name));
    const prelude = contexts.map((context) => context.before).join("\n");
    const preludeLines = prelude === "" ? 0 : prelude.split("\n").length;
    const after = contexts.map((context) => context.after).filter(Boolean).join("\n");
    const path = join(generatedRoot, `${snippet.file.replace(/[/.]/g, "_")}_block${String(snippet.index).padStart(2, "0")}.ts`);
    writeFileSync(path, [...(prelude === "" ? [] : [prelude]), snippet.code, after, "export {};", ""].join("\n"));
    return { snippet, path, preludeLines };
  });
}

function readContext(snippet: Snippet, name: string): { before: string; after: string } {
  const file = join(contextsRoot, `${name}.ts`);
  if (!existsSync(file)) throw new Error(`${describeSnippet(snippet)} names context=${name}, but tooling/snippets/contexts/${name}.ts does not exist`);
  const [before = "", after = ""] = readFileSync(file, "utf8").trimEnd().split(afterMarker);
  return { before: before.trimEnd(), after: after.trim() };
}

/**
 * Type-checks every program with the repository's compiler and flags (tsconfig.base.json: strict,
 * noUncheckedIndexedAccess, verbatimModuleSyntax, …). Returns one message per error, naming the
 * Markdown file, block and line.
 */
export async function typeCheckSnippetPrograms(programs: readonly SnippetProgram[]): Promise<string[]> {
  const result = await runCommand(process.execPath, [typescript7Cli, "-p", join(generatedRoot, "tsconfig.json"), "--pretty", "false"], {
    cwd: generatedRoot,
    allowFailure: true,
    timeoutMs: 300_000,
  });
  const byPath = new Map(programs.map((program) => [program.path, program]));
  const problems: string[] = [];
  for (const line of result.stdout.split("\n")) {
    const error = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line.trim());
    if (!error) {
      if (line.trim() !== "" && !/^\s/.test(line)) problems.push(`TypeScript: ${line.trim()}`);
      continue;
    }
    const [, file = "", lineText = "0", , code = "", message = ""] = error;
    const program = byPath.get(join(generatedRoot, file)) ?? byPath.get(file);
    if (!program) {
      problems.push(`${file}:${lineText}: ${code} ${message}`);
      continue;
    }
    const snippetLine = Number(lineText) - program.preludeLines;
    const where =
      snippetLine >= 1 && snippetLine <= program.snippet.code.split("\n").length
        ? `line ${program.snippet.line + snippetLine - 1}`
        : `its context (${program.snippet.contexts.join(", ")})`;
    problems.push(`${describeSnippet(program.snippet)}: ${code} at ${where}: ${message}`);
  }
  if (result.code !== 0 && problems.length === 0) problems.push(`TypeScript exited with ${String(result.code)}: ${result.stderr.trim()}`);
  return problems;
}

/**
 * Runs one program with tsx against an emulator of its own: the AWS SDK in the child reaches it
 * through AWS_ENDPOINT_URL_BEDROCK_RUNTIME, so snippets written for Amazon Bedrock run unchanged.
 * Returns a message naming the block when it fails or does not exit within `timeoutMs`.
 */
export async function runSnippetProgram(program: SnippetProgram, timeoutMs = 60_000): Promise<string | undefined> {
  const emulator = await startEmulator();
  try {
    const tsx = join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs");
    await runCommand(process.execPath, [tsx, "--tsconfig", join(generatedRoot, "tsconfig.run.json"), "--conditions=development", program.path], {
      cwd: generatedRoot,
      env: cleanEnvironment(emulator.environment),
      timeoutMs,
    });
    return undefined;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const hint = text.includes("timed out") ? ` (did not exit within ${timeoutMs / 1000} s: something left open?)` : "";
    return `${describeSnippet(program.snippet)} failed when run${hint}: ${text}`;
  } finally {
    await emulator.close();
  }
}
