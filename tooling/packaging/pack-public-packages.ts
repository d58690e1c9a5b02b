import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, pnpmCommand } from "../shared/repo-paths.js";
import { cleanEnvironment, runCommand } from "../shared/run-command.js";

/** A workspace package that is published (not `private`). */
export interface PublicPackage {
  /** e.g. `@sluice/core`. */
  name: string;
  version: string;
  /** Its folder, e.g. `<repo>/packages/core`. */
  directory: string;
  /** Its folder relative to the repository, e.g. `packages/core`. */
  relativeDirectory: string;
}

/** A public package and the tarball `pnpm pack` made of it. */
export interface PackedPackage extends PublicPackage {
  tarball: string;
}

/** Every non-private package under `packages/`. */
export function publicPackages(): PublicPackage[] {
  const packagesRoot = join(repoRoot, "packages");
  return readdirSync(packagesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const directory = join(packagesRoot, entry.name);
      const manifest = JSON.parse(readFileSync(join(directory, "package.json"), "utf8")) as { name: string; version: string; private?: boolean };
      return { manifest, directory, relativeDirectory: `packages/${entry.name}` };
    })
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ manifest, directory, relativeDirectory }) => ({ name: manifest.name, version: manifest.version, directory, relativeDirectory }));
}

/**
 * Builds every public package (`pnpm -r run build`, in dependency order) and packs each with
 * `pnpm pack`, the publish path: pnpm rewrites `workspace:` ranges and applies `publishConfig`.
 */
export async function buildAndPackPublicPackages(destination: string): Promise<PackedPackage[]> {
  const [command, ...prefix] = pnpmCommand as [string, ...string[]];
  const env = cleanEnvironment();
  const filter = ["--filter", "./packages/*"];
  await runCommand(command, [...prefix, "-r", ...filter, "run", "build"], { cwd: repoRoot, env, timeoutMs: 300_000 });
  await runCommand(command, [...prefix, "-r", ...filter, "pack", "--pack-destination", destination], { cwd: repoRoot, env, timeoutMs: 300_000 });
  return publicPackages().map((pkg) => ({ ...pkg, tarball: join(destination, tarballName(pkg.name, pkg.version)) }));
}

/** The file name `pnpm pack` gives a package's tarball: `@sluice/core@0.1.0` → `sluice-core-0.1.0.tgz`. */
export function tarballName(name: string, version: string): string {
  return `${name.replace(/^@/, "").replace("/", "-")}-${version}.tgz`;
}
