import { describe, expect, it } from "vitest";
import { documents, runSummariser } from "./map-reduce-summariser.js";

describe("map-reduce summariser example", () => {
  it.each([1, 3])("summarises every document with at most %i in flight, then combines them in order", async (cap) => {
    const { result, mostInFlight, editorRequest, modelCalls } = await runSummariser(cap);
    expect(result).toMatchObject({ status: "complete", output: "The ocean, in seven short notes." });
    // The cap is respected, and reached: the first `cap` summaries start together.
    expect(mostInFlight).toBe(cap);
    expect(modelCalls).toBe(documents.length + 1);
    const combined = JSON.stringify(editorRequest?.body);
    expect(combined).toContain(documents.map(({ title }) => `- ${title}: summarised.`).join("\\n"));
    expect(Object.keys(result.state.records)).toContain(`digest/summaries[${documents.length - 1}]/summarise`);
  });
});
