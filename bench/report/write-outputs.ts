/** Writes a run's results file, and for a complete run the charts and the figures in docs/benchmarks.md. */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { agentRunsChart, longConversationChart } from "./charts.js";
import { renderResultsMarkdown, replaceGeneratedSection } from "./markdown-report.js";
import type { BenchmarkResults } from "./results.js";

const resultsDirectory = new URL("../results/", import.meta.url);
const latestResultsFile = new URL("latest.json", resultsDirectory);
const documentFile = new URL("../../docs/benchmarks.md", import.meta.url);

/**
 * A complete run replaces latest.json, the charts and the docs figures; a partial one (quick,
 * some scenarios or contenders) writes partial.json only. Returns the generated Markdown section.
 */
export async function writeOutputs(results: BenchmarkResults, complete: boolean): Promise<string> {
  await mkdir(resultsDirectory, { recursive: true });
  await writeFile(new URL(complete ? "latest.json" : "partial.json", resultsDirectory), `${JSON.stringify(results, null, 2)}\n`);
  const section = renderResultsMarkdown(results);
  if (!complete) return section;
  const agentChart = agentRunsChart(results);
  const conversationChart = longConversationChart(results);
  if (agentChart !== undefined) await writeFile(new URL("agent-runs.svg", resultsDirectory), agentChart);
  if (conversationChart !== undefined) await writeFile(new URL("long-conversation.svg", resultsDirectory), conversationChart);
  const document = await readFile(documentFile, "utf8").catch(() => "# Benchmarks\n");
  await writeFile(documentFile, replaceGeneratedSection(document, section));
  return section;
}

/** Re-renders the charts and the docs figures from the committed latest.json (after editing the report code). */
export async function rerenderLatest(): Promise<string> {
  const results = JSON.parse(await readFile(latestResultsFile, "utf8")) as BenchmarkResults;
  return writeOutputs(results, true);
}
