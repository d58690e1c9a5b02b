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
    logLevel: "warning",
  });
  // Errors and middleware are reported by name (`new.target.name`, `function.name`), and bundling
  // renames a top-level name that clashes with another module's, and a class that names itself in
  // its body (such a class sets its name in a static block). esbuild's keepNames would pin every
  // name, at a cost on each closure made at run time; instead, every exported function and class
  // is checked here.
  const renamed = [];
  for (const [subpath, conditions] of Object.entries(manifest.exports)) {
    const exported = await import(new URL(conditions.default, `file://${process.cwd()}/`).href);
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value === "function" && value.name !== name) renamed.push(`${manifest.name}${subpath.slice(1)}: ${name} is named ${value.name}`);
    }
  }
  if (renamed.length > 0) {
    throw new Error(`The bundle renamed exported declarations:\n${renamed.join("\n")}`);
  }
}
