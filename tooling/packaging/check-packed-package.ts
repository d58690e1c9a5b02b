import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { repoRoot } from "../shared/repo-paths.js";
import type { PackedPackage } from "./pack-public-packages.js";

/** The `engines.node` every public package declares: ESM-only, and `require()` of ESM needs these. */
export const supportedNodeRange = "^20.19.0 || >=22.12.0";

/** Dependencies whose single copy matters (a container, a global registry, a client type): peers only. */
export const peerOnlyDependencies = ["tsyringe", "reflect-metadata", "@opentelemetry/api", "@aws-sdk/client-bedrock-runtime", "zod"];

interface Manifest {
  name: string;
  license?: string;
  keywords?: string[];
  homepage?: string;
  repository?: { url?: string; directory?: string };
  engines?: { node?: string };
  exports?: unknown;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/**
 * Everything wrong with one unpacked tarball (`<unpacked>/package/...`), each problem as a sentence
 * that names the package and the file or field. An empty list means it is fit to publish.
 */
export function checkPackedPackage(pkg: PackedPackage, unpacked: string): string[] {
  const root = join(unpacked, "package");
  const files = listFiles(root);
  const manifestText = readFileSync(join(root, "package.json"), "utf8");
  const manifest = JSON.parse(manifestText) as Manifest;
  const say = (problem: string) => `${pkg.name} (${pkg.tarball}): ${problem}`;
  const problems: string[] = [];

  for (const match of manifestText.matchAll(/"([^"]+)":\s*"(workspace:[^"]*)"/g)) {
    problems.push(say(`package.json keeps the range ${match[2]} for ${match[1]}; pack and publish with pnpm, which rewrites it`));
  }
  for (const path of developmentConditions(manifest.exports, "exports")) {
    problems.push(say(`package.json keeps the "development" condition at ${path}, which points at TypeScript sources; publish with pnpm, which applies publishConfig.exports`));
  }
  for (const target of exportTargets(manifest.exports)) {
    if (!files.has(target.replace(/^\.\//, ""))) problems.push(say(`exports name ${target}, which is not in the tarball`));
  }
  for (const [command, target] of Object.entries(manifest.bin ?? {})) {
    const file = target.replace(/^\.\//, "");
    if (!files.has(file)) problems.push(say(`bin ${command} names ${target}, which is not in the tarball`));
    else if (!readFileSync(join(root, file), "utf8").startsWith("#!")) problems.push(say(`bin ${command} (${target}) has no #! line`));
  }

  const license = files.has("LICENSE") ? readFileSync(join(root, "LICENSE"), "utf8") : undefined;
  if (license === undefined) problems.push(say("no LICENSE file"));
  else if (license !== readFileSync(join(repoRoot, "LICENSE"), "utf8")) problems.push(say("LICENSE differs from the repository's LICENSE"));
  if (!files.has("README.md")) problems.push(say("no README.md"));
  else if (!readFileSync(join(root, "README.md"), "utf8").startsWith(`# ${pkg.name}`)) problems.push(say(`README.md does not start with "# ${pkg.name}"`));

  if (manifest.license !== "Apache-2.0") problems.push(say(`license is ${String(manifest.license)}, not Apache-2.0`));
  if (manifest.engines?.node !== supportedNodeRange) problems.push(say(`engines.node is ${String(manifest.engines?.node)}, expected "${supportedNodeRange}"`));
  if (manifest.repository?.directory !== pkg.relativeDirectory) problems.push(say(`repository.directory is ${String(manifest.repository?.directory)}, expected ${pkg.relativeDirectory}`));
  if (!manifest.repository?.url) problems.push(say("no repository.url"));
  if (!manifest.homepage) problems.push(say("no homepage"));
  if ((manifest.keywords ?? []).length === 0) problems.push(say("no keywords"));

  for (const name of peerOnlyDependencies) {
    if (manifest.dependencies?.[name] !== undefined) problems.push(say(`${name} is a dependency; make it a peer dependency so the app's copy is the only one`));
  }
  for (const [field, deps] of [["dependencies", manifest.dependencies], ["peerDependencies", manifest.peerDependencies]] as const) {
    for (const [name, range] of Object.entries(deps ?? {})) {
      if (/^\d/.test(range)) problems.push(say(`${field}.${name} is pinned to ${range}; use a caret range so the app's compatible copy is shared`));
    }
  }

  for (const file of files) {
    if (/\.test\.(ts|js|d\.ts)$/.test(file)) problems.push(say(`ships the test file ${file}`));
    if (file.endsWith(".map")) problems.push(...checkSourceMap(root, file, files).map(say));
    if (/\.(js|d\.ts)$/.test(file)) {
      const text = readFileSync(join(root, file), "utf8");
      const mapLink = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text)?.[1];
      if (mapLink !== undefined && !files.has(relative(root, resolve(root, dirname(file), mapLink)))) {
        problems.push(say(`${file} links the source map ${mapLink}, which is not in the tarball`));
      }
      for (const specifier of bareImports(text)) {
        const name = packageNameOf(specifier);
        const declared = name === manifest.name || manifest.dependencies?.[name] !== undefined || manifest.peerDependencies?.[name] !== undefined;
        if (!declared && !isBuiltin(specifier)) problems.push(say(`${file} imports ${specifier}, but ${name} is neither a dependency nor a peer dependency`));
      }
    }
  }
  return problems;
}

function checkSourceMap(root: string, file: string, files: ReadonlySet<string>): string[] {
  const map = JSON.parse(readFileSync(join(root, file), "utf8")) as { sources?: string[]; sourceRoot?: string };
  return (map.sources ?? [])
    .map((source) => relative(root, resolve(root, dirname(file), map.sourceRoot ?? "", source)))
    .filter((source) => !files.has(source))
    .map((source) => `${file} points at ${source}, which is not in the tarball (ship the sources or no map)`);
}

/** Every file under `root`, as paths relative to it with `/` separators. */
function listFiles(root: string): Set<string> {
  const found = new Set<string>();
  const walk = (directory: string) => {
    for (const name of readdirSync(directory)) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.add(relative(root, path).split("\\").join("/"));
    }
  };
  if (existsSync(root)) walk(root);
  return found;
}

/** Paths such as `exports["."]["development"]` of every `development` condition in an `exports` value. */
function developmentConditions(value: unknown, path: string): string[] {
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const here = `${path}[${JSON.stringify(key)}]`;
    return [...(key === "development" ? [here] : []), ...developmentConditions(inner, here)];
  });
}

function exportTargets(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value === null || typeof value !== "object") return [];
  return Object.values(value).flatMap(exportTargets);
}

function bareImports(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"'./][^"']*)["']/g)) found.add(match[1] ?? "");
  return [...found].filter((specifier) => specifier.length > 0);
}

function packageNameOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || builtinModules.includes(specifier.split("/")[0] ?? "");
}
