/**
 * The bench measures Sluice as users install it: the compiled `dist/` of each package, not the
 * TypeScript sources through tsx (whose transform adds per-call helpers of its own). This checks
 * that every package the bench loads is built and not older than its sources, so a figure is
 * never taken from stale code.
 */
import { readdir, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const packages = ["core", "tools", "providers", "middleware", "workflows", "redis", "dbos", "emulator", "mcp"];
const buildCommand = 'npx -y pnpm@12.4.2 -r --filter "./packages/**" run build';

async function newestSource(directory: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts") || entry.name.endsWith(".test.ts")) continue;
    newest = Math.max(newest, (await stat(`${entry.parentPath}/${entry.name}`)).mtimeMs);
  }
  return newest;
}

/** True when this process loads Sluice's sources (the `development` condition) instead of its builds. */
export function runsOnSources(): boolean {
  return process.execArgv.some((argument, index, all) => argument === "--conditions=development" || (argument === "--conditions" && all[index + 1] === "development"));
}

/** Throws, saying how to build, when a package's build is missing or older than its sources. */
export async function checkBuiltPackages(): Promise<void> {
  if (runsOnSources()) return;
  const stale: string[] = [];
  for (const name of packages) {
    const root = fileURLToPath(new URL(`../packages/${name}/`, import.meta.url));
    const built = await stat(`${root}dist/index.js`).catch(() => undefined);
    if (built === undefined || built.mtimeMs < (await newestSource(`${root}src`))) stale.push(`@sluice/${name}`);
  }
  if (stale.length > 0) {
    throw new Error(`${stale.join(", ")} ${stale.length === 1 ? "is" : "are"} not built or older than the sources. Run \`npm run bench\` (it builds first) or \`${buildCommand}\`.`);
  }
}
