import { describe, expect, it } from "vitest";
import { endMarker, replaceGeneratedSection, startMarker } from "./markdown-report.js";

describe("replaceGeneratedSection", () => {
  const section = `${startMarker}\nnew figures\n${endMarker}`;

  it("replaces only what lies between the markers", () => {
    const document = `# Benchmarks\n\nIntro.\n\n${startMarker}\nold figures\n${endMarker}\n\nClosing note.\n`;
    expect(replaceGeneratedSection(document, section)).toBe(`# Benchmarks\n\nIntro.\n\n${section}\n\nClosing note.\n`);
  });

  it("appends the section when the markers are missing", () => {
    expect(replaceGeneratedSection("# Benchmarks\n\nIntro.\n", section)).toBe(`# Benchmarks\n\nIntro.\n\n${section}\n`);
  });
});
