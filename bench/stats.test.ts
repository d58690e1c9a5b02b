import { describe, expect, it } from "vitest";
import { formatNumber, formatRatioRange, formatTable, median, percentile, range } from "./stats.js";

describe("percentiles", () => {
  it("uses the nearest rank, whatever the input order", () => {
    const values = [9, 1, 8, 2, 7, 3, 6, 4, 5, 10];
    expect(median(values)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 90)).toBe(9);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 100)).toBe(10);
  });

  it("does not reorder the caller's array", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it("is NaN for no values", () => {
    expect(median([])).toBeNaN();
  });
});

describe("ranges", () => {
  it("ignores values that are not finite", () => {
    expect(range([1.2, Number.NaN, 0.9, 1.05])).toEqual({ min: 0.9, max: 1.2 });
    expect(range([Number.NaN])).toEqual({ min: Number.NaN, max: Number.NaN });
  });

  it("prints one figure when both ends round alike", () => {
    expect(formatRatioRange({ min: 1.041, max: 1.044 })).toBe("1.04×");
    expect(formatRatioRange({ min: 1.02, max: 1.31 })).toBe("1.02–1.31×");
  });
});

describe("formatting", () => {
  it("keeps three significant figures at most", () => {
    expect(formatNumber(1234.5)).toBe("1235");
    expect(formatNumber(12.345)).toBe("12.3");
    expect(formatNumber(1.2345)).toBe("1.23");
    expect(formatNumber(Number.NaN)).toBe("–");
  });

  it("lays out a Markdown table with padded columns", () => {
    const table = formatTable(["name", "ms"], [["raw", 1.234], ["sluice", 12.34]]);
    expect(table.split("\n")).toEqual(["| name   | ms   |", "| ------ | ---- |", "| raw    | 1.23 |", "| sluice | 12.3 |"]);
  });
});
