// The build of every Sluice package, run in the package's folder: `node ../../scripts/build-package.mjs [--bundle]`.
//
// tsc writes the type declarations (and, without --bundle, the JavaScript). With --bundle, esbuild
// writes the JavaScript instead: one module per entry of the package's `exports`, with the code
// the entries share in `dist/chunks/`. Loading a few modules instead of one per source file
// roughly halves what importing a package costs on top of its dependencies (see
// docs/benchmarks.md, scenario i). Dependencies stay external, so the app's own copies are used.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";

const bundle = process.argv.includes("--bundle");
rmSync("dist", { recursive: true, force: true });
// `tsc` is the workspace's TypeScript, on the PATH of package scripts.
execFileSync("tsc", ["-p", "tsconfig.build.json", ...(bundle ? ["--emitDeclarationOnly"] : [])], { stdio: "inherit" });

if (bundle) {
  const { build } = await import("esbuild");
  const manifest = JSON.parse(readFileSync("package.json", "utf8"));
  const entryPoints = Object.values(manifest.exports).map((conditions) => conditions.development);
  await build({
    entryPoints,
    outbase: "src",
    outdir: "dist",
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: true,
    // Bundling renames clashing top-level names; error classes and middleware are reported by name.
    keepNames: true,
    logLevel: "warning",
  });
}
