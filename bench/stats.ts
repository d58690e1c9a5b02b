/** Small statistics and formatting helpers for the benchmarks. */

/** The median (50th percentile, nearest rank). NaN for no values. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The p-th percentile by nearest rank (p in 0..100). NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Smallest and largest value (NaN for no values). */
export interface Range {
  min: number;
  max: number;
}

export function range(values: readonly number[]): Range {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return { min: Number.NaN, max: Number.NaN };
  return { min: Math.min(...finite), max: Math.max(...finite) };
}

/** Microseconds elapsed since `start` (from `process.hrtime.bigint()`). */
export function microsecondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1000;
}

/** Milliseconds elapsed since `start` (from `process.hrtime.bigint()`). */
export function millisecondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** A Markdown table; numbers are rounded to a readable precision. */
export function formatTable(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = [headers, ...rows.map((row) => row.map((cell) => (typeof cell === "number" ? formatNumber(cell) : cell)))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => String(row[column] ?? "").length)));
  const line = (row: Array<string | number>) => `| ${row.map((cell, column) => String(cell).padEnd(widths[column] ?? 0)).join(" | ")} |`;
  return [line(cells[0] ?? []), `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`, ...cells.slice(1).map(line)].join("\n");
}

/** Three significant figures at most, no more than two decimals; "–" for NaN. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "–";
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** A ratio range as "1.02–1.06×" (or "1.04×" when both ends round alike). */
export function formatRatioRange(ratios: Range): string {
  const low = formatNumber(ratios.min);
  const high = formatNumber(ratios.max);
  return low === high ? `${low}×` : `${low}–${high}×`;
}
