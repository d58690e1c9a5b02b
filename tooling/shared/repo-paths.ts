import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root folder. */
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The tooling package's folder. */
export const toolingRoot = join(repoRoot, "tooling");

/** TypeScript 7's command-line compiler (the repo's own). */
export const typescript7Cli = join(repoRoot, "node_modules", "typescript", "bin", "tsc");

/** TypeScript 5.9's command-line compiler (the tooling package's, also used by TypeDoc). */
export const typescript5Cli = join(toolingRoot, "node_modules", "typescript", "bin", "tsc");

const rootManifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { packageManager: string };

/** `npx -y pnpm@<the root's packageManager version>`, as the repo's own scripts run it. */
export const pnpmCommand: readonly string[] = ["npx", "-y", rootManifest.packageManager];
