/** Small statistics helpers for the benchmarks. */

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Microseconds elapsed since `start` (from `process.hrtime.bigint()`). */
export function microsecondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1000;
}

export function formatTable(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = [headers, ...rows.map((row) => row.map((cell) => (typeof cell === "number" ? format(cell) : cell)))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => String(row[column] ?? "").length)));
  const line = (row: Array<string | number>) => `| ${row.map((cell, column) => String(cell).padEnd(widths[column] ?? 0)).join(" | ")} |`;
  return [line(cells[0] ?? []), `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`, ...cells.slice(1).map(line)].join("\n");
}

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
