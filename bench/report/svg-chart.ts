/**
 * A small horizontal grouped bar chart as standalone SVG text: one group of bars per row label,
 * one bar per series, optional vertical reference lines (a floor at 1.0, a target). No
 * dependencies; the output opens in any browser and renders on GitHub.
 */
import { formatNumber } from "../stats.js";

export interface ChartSeries {
  name: string;
  color: string;
}

export interface ChartGroup {
  label: string;
  /** One value per series, in series order; NaN leaves a gap. */
  values: number[];
}

export interface ReferenceLine {
  value: number;
  label: string;
}

export interface BarChartOptions {
  title: string;
  subtitle?: string;
  /** Appended to axis ticks and bar labels, e.g. "×" or " ms". */
  unit: string;
  series: ChartSeries[];
  groups: ChartGroup[];
  referenceLines?: ReferenceLine[];
  width?: number;
}

const font = "font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\"";

/** Escapes text for SVG element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A round axis maximum at or above `value`: 1, 2, 2.5 or 5 times a power of ten. */
export function niceMaximum(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** An axis tick without trailing zeros: 1, 1.5, 2.5, 0.25. */
export function tickLabel(value: number): string {
  return String(Number(value.toFixed(2)));
}

export function renderBarChart(options: BarChartOptions): string {
  // Wide enough for the longest row label (about 6.7 px per character at 12 px).
  const labelWidth = Math.round(Math.max(120, 16 + Math.max(...options.groups.map((group) => group.label.length)) * 6.7));
  const width = options.width ?? Math.max(760, labelWidth + 540);
  const right = 70;
  const barHeight = 12;
  const barGap = 2;
  const groupGap = 12;
  const top = options.subtitle === undefined ? 48 : 66;
  const legendHeight = 26;
  const plotWidth = width - labelWidth - right;
  const groupHeight = options.series.length * (barHeight + barGap) - barGap;
  const plotHeight = options.groups.length * (groupHeight + groupGap);
  const height = top + legendHeight + plotHeight + 34;
  const finite = options.groups.flatMap((group) => group.values).filter((value) => Number.isFinite(value));
  const maximum = niceMaximum(Math.max(0, ...finite, ...(options.referenceLines ?? []).map((line) => line.value)) * 1.05);
  const x = (value: number) => labelWidth + (Math.max(0, value) / maximum) * plotWidth;
  const plotTop = top + legendHeight;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${font} font-size="12">`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="16" y="26" font-size="16" font-weight="600" fill="#111">${escapeXml(options.title)}</text>`);
  if (options.subtitle !== undefined) parts.push(`<text x="16" y="46" fill="#555">${escapeXml(options.subtitle)}</text>`);
  let legendX = 16;
  for (const series of options.series) {
    parts.push(`<rect x="${legendX}" y="${top}" width="12" height="12" fill="${series.color}"/>`);
    parts.push(`<text x="${legendX + 16}" y="${top + 10}" fill="#333">${escapeXml(series.name)}</text>`);
    legendX += 24 + series.name.length * 6.6;
  }
  for (let tick = 0; tick <= 5; tick += 1) {
    const value = (maximum / 5) * tick;
    const tickX = x(value);
    parts.push(`<line x1="${tickX}" y1="${plotTop - 4}" x2="${tickX}" y2="${plotTop + plotHeight}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${tickX}" y="${plotTop + plotHeight + 16}" text-anchor="middle" fill="#666">${tickLabel(value)}${escapeXml(options.unit)}</text>`);
  }
  for (const [groupIndex, group] of options.groups.entries()) {
    const groupTop = plotTop + groupIndex * (groupHeight + groupGap);
    parts.push(`<text x="${labelWidth - 8}" y="${groupTop + groupHeight / 2 + 4}" text-anchor="end" fill="#111">${escapeXml(group.label)}</text>`);
    for (const [seriesIndex, series] of options.series.entries()) {
      const value = group.values[seriesIndex] ?? Number.NaN;
      if (!Number.isFinite(value)) continue;
      const barTop = groupTop + seriesIndex * (barHeight + barGap);
      const barWidth = Math.max(1, x(value) - labelWidth);
      parts.push(`<rect x="${labelWidth}" y="${barTop}" width="${barWidth.toFixed(1)}" height="${barHeight}" fill="${series.color}"><title>${escapeXml(`${group.label}, ${series.name}: ${formatNumber(value)}${options.unit}`)}</title></rect>`);
      parts.push(`<text x="${(labelWidth + barWidth + 4).toFixed(1)}" y="${barTop + barHeight - 2}" font-size="10" fill="#333">${formatNumber(value)}${escapeXml(options.unit)}</text>`);
    }
  }
  for (const [lineIndex, line] of (options.referenceLines ?? []).entries()) {
    const lineX = x(line.value);
    // Alternate label sides so two close lines (a floor and a target) stay readable.
    const anchor = lineIndex % 2 === 0 ? `x="${lineX - 3}" text-anchor="end"` : `x="${lineX + 3}"`;
    parts.push(`<line x1="${lineX}" y1="${plotTop - 6}" x2="${lineX}" y2="${plotTop + plotHeight}" stroke="#c0392b" stroke-dasharray="4 3"/>`);
    parts.push(`<text ${anchor} y="${plotTop + plotHeight + 30}" font-size="10" fill="#c0392b">${escapeXml(line.label)}</text>`);
  }
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}
