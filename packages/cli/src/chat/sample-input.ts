type Schema = Record<string, unknown>;

/**
 * A plausible input for a JSON Schema: each required property gets its default, first example
 * or enum value, or a placeholder of its type. The chat demo's scripted model uses it to call
 * tools with input they accept.
 *
 * @example
 * sampleInput({ type: "object", properties: { city: { type: "string" }, days: { type: "integer", minimum: 1 } }, required: ["city", "days"] });
 * // { city: "example", days: 1 }
 */
export function sampleInput(schema: Schema, depth = 0): Record<string, unknown> {
  const value = sampleValue(schema, depth);
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function sampleValue(schema: Schema, depth: number): unknown {
  if ("default" in schema) return schema["default"];
  if (Array.isArray(schema["examples"]) && schema["examples"].length > 0) return schema["examples"][0];
  if ("const" in schema) return schema["const"];
  if (Array.isArray(schema["enum"]) && schema["enum"].length > 0) return schema["enum"][0];
  const variants = (schema["anyOf"] ?? schema["oneOf"]) as Schema[] | undefined;
  if (Array.isArray(variants) && variants[0]) return sampleValue(variants[0], depth);
  const type = Array.isArray(schema["type"]) ? schema["type"][0] : schema["type"];
  switch (type) {
    case "string":
      return "example";
    case "number":
    case "integer":
      return typeof schema["minimum"] === "number" ? schema["minimum"] : 1;
    case "boolean":
      return true;
    case "array":
      return [];
    case "null":
      return null;
    default: {
      if (depth > 4) return {};
      const properties = (schema["properties"] ?? {}) as Record<string, Schema>;
      const required = Array.isArray(schema["required"]) ? (schema["required"] as string[]) : [];
      const object: Record<string, unknown> = {};
      for (const key of required) object[key] = sampleValue(properties[key] ?? {}, depth + 1);
      return object;
    }
  }
}
