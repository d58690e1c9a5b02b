import { readFileSync } from "node:fs";
import { join } from "node:path";
import { publicPackages } from "../packaging/pack-public-packages.js";

/** One public import path and the source file behind it. */
export interface ApiEntryPoint {
  /** What users import, e.g. `@sluice/core/testing`. */
  importPath: string;
  /** The TypeScript source its `development` condition names. */
  sourceFile: string;
}

/**
 * Every import path of every public package, read from its `exports` map, so a new subpath (an
 * `internal` one, a `testing` one) is documented and checked without touching this tooling.
 */
export function apiEntryPoints(): ApiEntryPoint[] {
  return publicPackages().flatMap((pkg) => {
    const manifest = JSON.parse(readFileSync(join(pkg.directory, "package.json"), "utf8")) as { exports: Record<string, { development?: string }> };
    return Object.entries(manifest.exports).map(([subpath, conditions]) => {
      if (conditions.development === undefined) throw new Error(`${pkg.name}: exports["${subpath}"] has no "development" condition naming its source`);
      return { importPath: subpath === "." ? pkg.name : `${pkg.name}/${subpath.replace(/^\.\//, "")}`, sourceFile: join(pkg.directory, conditions.development) };
    });
  });
}
