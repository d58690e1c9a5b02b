import type {
  BedrockRuntimeClient,
  InferenceConfiguration,
  PerformanceConfiguration,
  PromptVariableValues,
  ServiceTierType,
  SystemContentBlock,
  ToolChoice,
} from "@aws-sdk/client-bedrock-runtime";
import type { DependencyContainer } from "tsyringe";
import type { BedrockClientOptions } from "../client/create-bedrock-client.js";
import type { Conversation, ConversationSnapshot } from "../conversation/conversation.js";
import type { ConversationStore } from "../conversation/conversation-store.js";
import type { Logger } from "../logging/logger.js";
import type { Middleware } from "../middleware/middleware.js";
import type { Model, ModelRequest } from "../model/model.js";
import type { AgentTool } from "../tools/agent-tool.js";
import type { RunContext } from "./run-context.js";

/**
 * Options of `new Agent(...)`. Only `modelId` is required (it may also come from
 * `registerSluice`). Unknown keys are refused, so a misspelt option fails loudly.
 *
 * @example
 * new Agent({ modelId: "us.anthropic.claude-sonnet-4-5-20250929-v1:0", system: "Be brief.", maxSteps: 8 });
 */
export interface AgentOptions {
  /** Base model ID, inference profile ID, or a prompt / provisioned / custom model ARN. */
  modelId?: string;
  /** A ready `BedrockRuntimeClient`. */
  client?: BedrockRuntimeClient;
  /** How to build the client when none is passed (region, credentials, endpoint, transport). */
  clientOptions?: BedrockClientOptions;
  /** Answers the requests instead of `ConverseModel` (an InvokeModel adapter, a test double). */
  model?: Model;
  /** System prompt: text, or Bedrock system blocks (text, guardContent, cachePoint). */
  system?: string | SystemContentBlock[];
  tools?: readonly AgentTool[];
  toolChoice?: ToolChoice;
  /** Model-call and tool-call middleware; the first is the outermost. */
  middleware?: readonly Middleware[];
  inferenceConfig?: InferenceConfiguration;
  additionalModelRequestFields?: ModelRequest["additionalModelRequestFields"];
  additionalModelResponseFieldPaths?: string[];
  guardrailConfig?: ModelRequest["guardrailConfig"];
  /** Values for a prompt-management prompt's variables (with a prompt ARN as modelId). */
  promptVariables?: Record<string, PromptVariableValues>;
  requestMetadata?: Record<string, string>;
  performanceConfig?: PerformanceConfiguration;
  /**
   * The service tier of every model call (`flex` for cheaper background work, `priority` for
   * interactive). Per call or per step: `serviceTierMiddleware` from `@sluice/middleware`.
   */
  serviceTier?: ServiceTierType;
  /** Most model calls in one `send()`/`stream()`. Default 10. */
  maxSteps?: number;
  /** Most tool calls running at once. Default 4. Use 1 (or `toolExecution: "sequential"`) to run them in order. */
  toolConcurrency?: number;
  toolExecution?: "parallel" | "sequential";
  /** Default timeout of a tool call in milliseconds (a tool's own `timeoutMs` wins). Default 60,000. */
  toolTimeoutMs?: number;
  /** `model` (default): a failed tool call goes back to the model as an error result. `throw`: it ends the run. */
  toolErrors?: "model" | "throw";
  /** What an overlapping `send()`/`stream()` does: wait for the running one (`queue`, default) or fail (`reject`). */
  concurrency?: "queue" | "reject";
  logger?: Logger;
  /**
   * A tsyringe container (see `registerSluice` in `@sluice/core/di`): parts the options leave out
   * come from it, and `resolve(token)` in calls and tools reaches it. Without one, Sluice uses no
   * container (and never loads tsyringe).
   */
  container?: DependencyContainer;
  /** Start from this conversation (or snapshot) instead of an empty one. */
  conversation?: Conversation | ConversationSnapshot;
  /** With `store`: load this conversation on first use and save it after every turn. */
  conversationId?: string;
  store?: ConversationStore;
  /** Shown in logs. */
  name?: string;
  /** The context every run starts with (see `RunContext`); a run's own `context` is merged over it. */
  context?: RunContext;
}

/** Most model calls in one run when `maxSteps` is not given. */
export const defaultMaxSteps = 10;
/** Most tool calls running at once when `toolConcurrency` is not given. */
export const defaultToolConcurrency = 4;
/** A tool call's timeout in milliseconds when neither the agent nor the tool sets one. */
export const defaultToolTimeoutMs = 60_000;
