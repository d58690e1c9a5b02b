import {
  ConfigurationError,
  defaultCapabilityRegistry,
  type MiddlewareObject,
  type ModelCall,
  ModelCapabilityRegistry,
  type ModelNext,
  type ModelResult,
  type Tool,
} from "@sluice/core";
import { closedObjects } from "../structured/native-format.js";

/** Options of `strictToolsMiddleware`. */
export interface StrictToolsOptions {
  /** Only these tools (by name). Default: every tool of the request. */
  tools?: readonly string[];
  /** Where strict-tool support is looked up. Default `defaultCapabilityRegistry`. */
  registry?: ModelCapabilityRegistry;
}

/**
 * Strict tool use where the model supports it: marks the request's tool definitions
 * `strict: true`, so Bedrock holds the model's tool input to the schema (Claude 4.5 up to 4.8 and
 * the open-weight families, per the model capability registry). Schemas are sent closed
 * (`additionalProperties: false`) and without the keywords constrained decoding refuses (numeric
 * bounds, `maxLength`, `maxItems`, `minItems` above 1), which the tools still check when they
 * validate their input. On other models the request passes unchanged.
 *
 * @example
 * new Agent({ modelId: "us.anthropic.claude-sonnet-4-5-20250929-v1:0", tools: [weather], middleware: [strictToolsMiddleware()] });
 */
export function strictToolsMiddleware(options: StrictToolsOptions = {}): MiddlewareObject {
  if (typeof options !== "object" || options === null) throw new ConfigurationError("strictToolsMiddleware takes an options object such as { tools: [\"get_weather\"] }.");
  const unknown = Object.keys(options).filter((key) => key !== "tools" && key !== "registry");
  if (unknown.length > 0) throw new ConfigurationError(`strictToolsMiddleware: unknown option ${unknown.join(", ")}; it takes tools and registry.`);
  if (options.tools !== undefined && (!Array.isArray(options.tools) || options.tools.some((name) => typeof name !== "string"))) {
    throw new ConfigurationError("strictToolsMiddleware: tools must be an array of tool names.");
  }
  if (options.registry !== undefined && !(options.registry instanceof ModelCapabilityRegistry)) throw new ConfigurationError("strictToolsMiddleware: registry must be a ModelCapabilityRegistry.");
  const only = options.tools === undefined ? undefined : new Set(options.tools);
  const registry = options.registry ?? defaultCapabilityRegistry;

  async function strictTools(call: ModelCall, next: ModelNext): Promise<ModelResult> {
    const tools = call.request.toolConfig?.tools;
    if (!tools || tools.length === 0 || !(await registry.resolve(call.request.modelId)).capabilities.strictTools) return next();
    const strict = tools.map((tool): Tool => {
      const spec = tool.toolSpec;
      if (!spec || (only !== undefined && !only.has(spec.name ?? ""))) return tool;
      const json = spec.inputSchema?.json;
      return { toolSpec: { ...spec, strict: true, ...(json !== undefined && { inputSchema: { json: closedObjects(json) as never } }) } } as Tool;
    });
    return next({ ...call.request, toolConfig: { ...call.request.toolConfig, tools: strict } });
  }

  return { name: "strict-tools", model: strictTools };
}
