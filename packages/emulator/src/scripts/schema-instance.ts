type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

function resolved(schema: Json, root: Json): Json {
  const reference = schema["$ref"];
  if (typeof reference !== "string") return schema;
  const name = /^#\/(?:\$defs|definitions)\/(.+)$/.exec(reference)?.[1] ?? "";
  const definitions = { ...(isObject(root["definitions"]) ? root["definitions"] : {}), ...(isObject(root["$defs"]) ? root["$defs"] : {}) };
  return isObject(definitions[name]) ? (definitions[name] as Json) : {};
}

function instance(raw: unknown, root: Json, depth: number): unknown {
  if (!isObject(raw) || depth > 8) return null;
  const schema = resolved(raw, root);
  if (schema["const"] !== undefined) return schema["const"];
  if (Array.isArray(schema["enum"])) return schema["enum"][0];
  for (const key of ["anyOf", "oneOf"]) if (Array.isArray(schema[key])) return instance((schema[key] as unknown[])[0], root, depth + 1);
  const type = Array.isArray(schema["type"]) ? (schema["type"] as unknown[]).find((entry) => entry !== "null") : schema["type"];
  switch (type) {
    case "object": {
      const properties = isObject(schema["properties"]) ? schema["properties"] : {};
      return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, instance(value, root, depth + 1)]));
    }
    case "array":
      return typeof schema["minItems"] === "number" && schema["minItems"] > 0 ? [instance(schema["items"], root, depth + 1)] : [];
    case "string":
      return schema["format"] === "date-time" ? "2025-01-01T00:00:00Z" : schema["format"] === "date" ? "2025-01-01" : "text";
    case "integer":
    case "number":
      return typeof schema["minimum"] === "number" ? schema["minimum"] : 0;
    case "boolean":
      return false;
    default:
      return null;
  }
}

/**
 * A small value that fits a JSON schema: every property present, the first enum value or the
 * constant, empty arrays (one item where `minItems` asks for it), `"text"`, 0 and false. The echo
 * model answers native structured output with it.
 *
 * @example
 * schemaInstance({ type: "object", properties: { city: { type: "string" }, size: { enum: ["S", "M"] } } }); // { city: "text", size: "S" }
 */
export function schemaInstance(schema: unknown): unknown {
  return instance(schema, isObject(schema) ? schema : {}, 0);
}
