import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { repoRoot } from "../shared/repo-paths.js";
import { checkPackedPackage, supportedNodeRange } from "./check-packed-package.js";

// The checks on made-up unpacked tarballs: what a leaked publish looks like, and a clean one.
let work: string | undefined;
afterEach(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

const pkg = { name: "@sluice/widget", version: "1.0.0", directory: "", relativeDirectory: "packages/widget", tarball: "sluice-widget-1.0.0.tgz" };

function unpack(manifest: Record<string, unknown>, files: Record<string, string>, options: { license?: boolean } = {}): string {
  work = mkdtempSync(join(tmpdir(), "sluice-check-"));
  const root = join(work, "package");
  mkdirSync(join(root, "dist"), { recursive: true });
  writeFileSync(join(root, "package.json"), JSON.stringify(manifest));
  if (options.license !== false) copyFileSync(join(repoRoot, "LICENSE"), join(root, "LICENSE"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, ".."), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return work;
}

const goodManifest = {
  name: "@sluice/widget",
  license: "Apache-2.0",
  keywords: ["bedrock"],
  homepage: "https://example.invalid/widget",
  repository: { url: "git+https://example.invalid/sluice.git", directory: "packages/widget" },
  engines: { node: supportedNodeRange },
  exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } },
  dependencies: { "@sluice/core": "^0.1.0" },
  peerDependencies: { tsyringe: "^4.8.0" },
};
const goodFiles = {
  "README.md": "# @sluice/widget\n",
  "dist/index.js": 'import { Agent } from "@sluice/core";\nimport "tsyringe";\nimport { readFile } from "node:fs";\n//# sourceMappingURL=index.js.map',
  "dist/index.js.map": JSON.stringify({ version: 3, sources: ["../src/index.ts"], mappings: "" }),
  "dist/index.d.ts": "export {};\n",
  "src/index.ts": "export {};\n",
};

describe("checkPackedPackage", () => {
  it("passes a package fit to publish", () => {
    expect(checkPackedPackage(pkg, unpack(goodManifest, goodFiles))).toEqual([]);
  });

  it("names each leak of an npm-packed workspace package", () => {
    const manifest = {
      ...goodManifest,
      exports: { ".": { development: "./src/index.ts", types: "./dist/index.d.ts", default: "./dist/index.js" } },
      dependencies: { "@sluice/core": "workspace:^", tsyringe: "4.10.0" },
    };
    const problems = checkPackedPackage(pkg, unpack(manifest, goodFiles, { license: false }));
    expect(problems).toEqual([
      expect.stringContaining('@sluice/widget (sluice-widget-1.0.0.tgz): package.json keeps the range workspace:^ for @sluice/core'),
      expect.stringContaining('keeps the "development" condition at exports["."]["development"]'),
      expect.stringContaining("no LICENSE file"),
      expect.stringContaining("tsyringe is a dependency; make it a peer dependency"),
      expect.stringContaining("dependencies.tsyringe is pinned to 4.10.0; use a caret range"),
    ]);
  });

  it("names maps whose sources are missing, undeclared imports, test files and a missing README", () => {
    const files: Record<string, string> = { ...goodFiles, "dist/index.js": 'import "lru-cache";\n', "dist/helper.test.js": "" };
    delete files["src/index.ts"];
    delete files["README.md"];
    const problems = checkPackedPackage(pkg, unpack({ ...goodManifest, engines: { node: ">=20" } }, files));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining("no README.md"),
        expect.stringContaining(`engines.node is >=20, expected "${supportedNodeRange}"`),
        expect.stringContaining("ships the test file dist/helper.test.js"),
        expect.stringContaining("dist/index.js.map points at src/index.ts, which is not in the tarball"),
        expect.stringContaining("dist/index.js imports lru-cache, but lru-cache is neither a dependency nor a peer dependency"),
      ]),
    );
    expect(problems).toHaveLength(5);
  });
});
