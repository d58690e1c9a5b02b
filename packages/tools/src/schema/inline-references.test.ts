import { describe, expect, it } from "vitest";
import { inlineReferences } from "./inline-references.js";

describe("inlineReferences", () => {
  it("replaces references, keeps sibling keywords, and drops the root definitions", () => {
    const schema = {
      type: "object",
      properties: { home: { $ref: "#/$defs/Address", description: "Where they live" }, "a/b": { type: "number" }, copy: { $ref: "#/properties/a~1b" } },
      $defs: { Address: { type: "object", properties: { street: { type: "string" } } } },
    };
    expect(inlineReferences(schema)).toEqual({
      type: "object",
      properties: {
        home: { type: "object", properties: { street: { type: "string" } }, description: "Where they live" },
        "a/b": { type: "number" },
        copy: { type: "number" },
      },
    });
  });

  it("turns a reference back into the schema itself into {} one level down", () => {
    const tree = {
      type: "object",
      properties: { node: { $ref: "#/definitions/Node" } },
      definitions: { Node: { type: "object", properties: { children: { type: "array", items: { $ref: "#/definitions/Node" } }, root: { $ref: "#" } } } },
    };
    expect(inlineReferences(tree)).toEqual({
      type: "object",
      properties: { node: { type: "object", properties: { children: { type: "array", items: {} }, root: {} } } },
    });
  });

  it("keeps a property named like a definitions keyword", () => {
    const schema = { type: "object", properties: { definitions: { type: "string" } } };
    expect(inlineReferences(schema)).toEqual(schema);
  });

  it("refuses references it cannot follow", () => {
    expect(() => inlineReferences({ type: "object", properties: { a: { $ref: "#/$defs/Missing" } } }, "Tool x")).toThrow(
      'Tool x refers to "#/$defs/Missing", which points to no schema. Fix the reference.',
    );
  });
});
