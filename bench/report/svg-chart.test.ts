import { describe, expect, it } from "vitest";
import { escapeXml, niceMaximum, renderBarChart, tickLabel } from "./svg-chart.js";

describe("niceMaximum", () => {
  it("rounds up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect(niceMaximum(0.8)).toBe(1);
    expect(niceMaximum(1.3)).toBe(2);
    expect(niceMaximum(2.2)).toBe(2.5);
    expect(niceMaximum(3.7)).toBe(5);
    expect(niceMaximum(7)).toBe(10);
    expect(niceMaximum(420)).toBe(500);
    expect(niceMaximum(0)).toBe(1);
  });
});

describe("tickLabel", () => {
  it("drops trailing zeros", () => {
    expect(tickLabel(4)).toBe("4");
    expect(tickLabel(0.5)).toBe("0.5");
    expect(tickLabel(2.25)).toBe("2.25");
  });
});

describe("renderBarChart", () => {
  const chart = renderBarChart({
    title: "Time <per> run & more",
    unit: "×",
    series: [
      { name: "sequential", color: "#111111" },
      { name: "streamed", color: "#222222" },
    ],
    groups: [
      { label: "floor", values: [1, 1] },
      { label: "framework", values: [2, Number.NaN] },
    ],
    referenceLines: [{ value: 1.05, label: "target" }],
  });

  it("is one well-formed SVG document with escaped text", () => {
    expect(chart.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")).toBe(true);
    expect(chart.trimEnd().endsWith("</svg>")).toBe(true);
    expect(chart).toContain("Time &lt;per&gt; run &amp; more");
    expect(chart).not.toContain("<per>");
  });

  it("draws one bar per finite value, scaled to the axis", () => {
    const bars = [...chart.matchAll(/<rect x="\d+" y="[\d.]+" width="([\d.]+)" height="12" fill="(#\d+)">/g)];
    expect(bars.map((bar) => bar[2])).toEqual(["#111111", "#222222", "#111111"]);
    const widths = bars.map((bar) => Number(bar[1]));
    // The 2× bar is twice as long as the 1× bars (axis from 0 to 2.5).
    expect(widths[2]! / widths[0]!).toBeCloseTo(2, 5);
    expect(widths[0]).toBeCloseTo(widths[1]!, 5);
  });

  it("draws the reference line with its label", () => {
    expect(chart).toContain('stroke="#c0392b" stroke-dasharray="4 3"');
    expect(chart).toContain(">target</text>");
  });

  it("leaves room for the longest row label", () => {
    const long = renderBarChart({ title: "t", unit: "", series: [{ name: "s", color: "#111111" }], groups: [{ label: "a".repeat(40), values: [1] }] });
    const x = Number(/<rect x="(\d+)" y="[\d.]+" width="[\d.]+" height="12" fill="#111111">/.exec(long)?.[1]);
    expect(x).toBeGreaterThan(40 * 6);
  });

  it("escapes quotes for attribute values", () => {
    expect(escapeXml('a "b"')).toBe("a &quot;b&quot;");
  });
});
