/** Default model of `sluice chat` (a cross-region inference profile), unless `--model` or `SLUICE_MODEL_ID` says otherwise. */
export const defaultChatModelId = "us.anthropic.claude-3-5-haiku-20241022-v1:0";

/**
 * What `sluice chat` was asked to do, after parsing its flags.
 *
 * @example
 * const options: ChatOptions = { modelId: defaultChatModelId, api: "converse", tools: [], mcp: [], mcpUrl: [], emulator: true };
 */
export interface ChatOptions {
  modelId: string;
  system?: string;
  /** Converse (default) or InvokeModel through `@sluice/providers`' `invokeModel()`. */
  api: "converse" | "invoke";
  /** Modules whose exports are tools. */
  tools: string[];
  /** MCP servers to start, each a command line, e.g. `npx -y @modelcontextprotocol/server-everything`. */
  mcp: string[];
  /** MCP servers to reach over streamable HTTP. */
  mcpUrl: string[];
  /** A file holding the agent's snapshot: loaded at start when it exists, saved after every turn. */
  session?: string;
  /** Run against the embedded emulator (no AWS account). */
  emulator: boolean;
  /** A script for the embedded emulator instead of the chat demo script. */
  emulatorScript?: string;
  /** A Bedrock endpoint, e.g. a `sluice emulator` started elsewhere. */
  endpoint?: string;
  region?: string;
  maxSteps?: number;
}
