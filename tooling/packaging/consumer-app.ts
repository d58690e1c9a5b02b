import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cleanEnvironment, runCommand, type CommandResult } from "../shared/run-command.js";
import type { PackedPackage } from "./pack-public-packages.js";

/** Where the example user programs live (copied into each temporary app). */
export const appsRoot = new URL("./apps/", import.meta.url).pathname;

/** npm flags for a quiet, cache-first install from the registry plus local tarballs. */
const npmInstallFlags = ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"];

/**
 * Turns the README's install lines (`npm i @sluice/core @sluice/tools zod # comment`, one per line)
 * into the arguments of a single `npm install`: every package named, each `@sluice/*` replaced by
 * its packed tarball. Throws when a line names a Sluice package that was not packed.
 */
export function installArguments(installBlock: string, packed: readonly PackedPackage[]): string[] {
  const args = new Set<string>();
  for (const rawLine of installBlock.split("\n")) {
    const line = rawLine.replace(/#.*$/, "").trim();
    if (line === "") continue;
    const words = line.split(/\s+/);
    if (words[0] !== "npm" || !["i", "install", "add"].includes(words[1] ?? "")) {
      throw new Error(`README install block: "${rawLine.trim()}" is not an \`npm i\` line`);
    }
    for (const word of words.slice(2).filter((w) => !w.startsWith("-"))) {
      if (word.startsWith("@sluice/")) {
        const tarball = packed.find((pkg) => pkg.name === word)?.tarball;
        if (tarball === undefined) throw new Error(`README install block names ${word}, which is not a packed public package`);
        args.add(tarball);
      } else args.add(word);
    }
  }
  return [...args];
}

/** Runs `npm install <packages>` in `app` (one install). */
export function npmInstall(app: string, packages: readonly string[]): Promise<CommandResult> {
  return runCommand("npm", [...npmInstallFlags, ...packages], { cwd: app, env: cleanEnvironment(), timeoutMs: 600_000 });
}

/** Makes `directory` and copies the named files of `apps/<from>/` (or all of them) into it. */
export function copyAppFiles(from: string, directory: string, names?: readonly string[]): void {
  mkdirSync(directory, { recursive: true });
  for (const name of names ?? readdirSync(join(appsRoot, from))) cpSync(join(appsRoot, from, name), join(directory, name));
}

/** Writes a file into the app. */
export function writeAppFile(app: string, name: string, text: string): void {
  writeFileSync(join(app, name), text);
}

/** Runs `node <file>` in the app with no AWS settings and returns what it printed. */
export function runNode(app: string, args: readonly string[]): Promise<CommandResult> {
  return runCommand(process.execPath, args, { cwd: app, env: cleanEnvironment(), timeoutMs: 120_000 });
}

/**
 * Every installed copy of `name` under the app's node_modules (nested ones included), as
 * `<path>@<version>`: one entry means the app and Sluice share one copy.
 */
export function installedCopies(app: string, name: string): string[] {
  const copies: string[] = [];
  const visit = (nodeModules: string) => {
    if (!existsSync(nodeModules)) return;
    const manifest = join(nodeModules, name, "package.json");
    if (existsSync(manifest)) {
      copies.push(`${join(nodeModules, name).slice(app.length + 1)}@${(JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version}`);
    }
    for (const entry of readdirSync(nodeModules, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
      const packages = entry.name.startsWith("@")
        ? readdirSync(join(nodeModules, entry.name)).map((inner) => join(nodeModules, entry.name, inner))
        : [join(nodeModules, entry.name)];
      for (const pkg of packages) visit(join(pkg, "node_modules"));
    }
  };
  visit(join(app, "node_modules"));
  return copies;
}
