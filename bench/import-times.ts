/**
 * Import time of each package entry in a fresh Node process, against the AWS SDK client's own
 * (which every Sluice entry loads too): `await import(entry)` timed inside the process, so Node's
 * own start-up is left out. Entries take turns, round after round, so a slow moment of the
 * machine falls on all of them alike. Sluice's entries load their builds (`dist/`), as installed.
 *
 * Run alone: npx tsx bench/import-times.ts (pnpm bench runs it as scenario i)
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { formatTable, median } from "./stats.js";

const run = promisify(execFile);

/** The AWS SDK client first: every ratio is to it. */
export const importedEntries = [
  "@aws-sdk/client-bedrock-runtime",
  "@sluice/core",
  "@sluice/tools",
  "@sluice/middleware",
  "@sluice/providers",
  "@sluice/workflows",
  "@sluice/mcp",
  "@sluice/redis",
  "@sluice/dbos",
] as const;

export interface ImportTimeRow {
  entry: string;
  medianMs: number;
  /** Median over the AWS SDK client's median. */
  ratioToSdk: number;
}

export interface ImportTimesResult {
  rounds: number;
  rows: ImportTimeRow[];
}

const probe = `const started = performance.now(); await import(process.argv[1]); process.stdout.write(String(performance.now() - started));`;

async function importMilliseconds(entry: string): Promise<number> {
  const { stdout } = await run(process.execPath, ["--input-type=module", "--no-warnings", "-e", probe, entry], {
    cwd: fileURLToPath(new URL(".", import.meta.url)),
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", NODE_OPTIONS: "" },
  });
  return Number(stdout);
}

export async function runImportTimesBenchmark(rounds = 15): Promise<ImportTimesResult> {
  const samples = new Map<string, number[]>(importedEntries.map((entry) => [entry, []]));
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? importedEntries : [...importedEntries].reverse();
    for (const entry of order) samples.get(entry)!.push(await importMilliseconds(entry));
  }
  const sdk = median(samples.get(importedEntries[0])!);
  return {
    rounds,
    rows: importedEntries.map((entry) => {
      const value = median(samples.get(entry)!);
      return { entry, medianMs: value, ratioToSdk: value / sdk };
    }),
  };
}

export function formatImportTimes(result: ImportTimesResult): string {
  return formatTable(
    ["entry", "import ms (median)", "× AWS SDK client"],
    result.rows.map((row) => [`\`${row.entry}\``, row.medianMs.toFixed(0), `${row.ratioToSdk.toFixed(2)}×`]),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(formatImportTimes(await runImportTimesBenchmark(Number(process.argv[2] ?? 15))));
