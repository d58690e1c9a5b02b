import type { ContentBlock, StopReason, TokenUsage } from "@aws-sdk/client-bedrock-runtime";
import type { ModelRequest } from "@sluice/core";
import type { FamilyFeatures } from "./features/family-features.js";
import type { ConverseStreamWriter } from "./shared/converse-stream-writer.js";

/** A native InvokeModel request or response body: a JSON object in the family's own dialect. */
export type NativeBody = Record<string, unknown>;

/**
 * What an adapter knows about the call it is translating.
 *
 * @example
 * const context: AdapterContext = { modelId: "us.meta.llama3-1-8b-instruct-v1:0", baseModelId: "meta.llama3-1-8b-instruct-v1:0", streaming: false };
 */
export interface AdapterContext {
  /** The model ID as the caller gave it (base ID, inference profile or ARN). */
  readonly modelId: string;
  /**
   * The foundation-model ID inside `modelId` (`us.` prefix and ARN removed), or `undefined` when
   * the ID names no model (provisioned, imported, application-profile ARNs).
   */
  readonly baseModelId: string | undefined;
  /** True for InvokeModelWithResponseStream. */
  readonly streaming: boolean;
  /** The Converse-shaped request being answered (tools offered, stop sequences asked for). */
  readonly request: ModelRequest;
}

/**
 * A native response read back into Converse terms. `usage` holds the counts the body itself
 * carries; the InvokeModel `Model` prefers the service's token headers when they are present.
 *
 * @example
 * const turn: NativeTurn = { content: [{ text: "Hi" }], stopReason: "end_turn", usage: { inputTokens: 3, outputTokens: 1 } };
 */
export interface NativeTurn {
  content: ContentBlock[];
  stopReason: StopReason;
  usage?: Partial<TokenUsage>;
}

/**
 * Turns one family's native stream chunks into ConverseStream events through a
 * {@link ConverseStreamWriter}. It may keep whatever state its family's stream needs.
 *
 * @example
 * const decoder = adapter.createStreamDecoder(writer, context);
 * for (const chunk of chunks) decoder.push(chunk);
 * decoder.end();
 */
export interface NativeStreamDecoder {
  /** One decoded chunk, with Bedrock's own `amazon-bedrock-*` keys already removed. */
  push(chunk: NativeBody): void;
  /** The stream ended: flush anything held back. */
  end(): void;
}

/**
 * The contract every model family implements to run behind the InvokeModel `Model`:
 * Converse request → native body, native body → Converse response, native stream chunks →
 * ConverseStream events. `features` declares what the family can do; requests that use
 * anything else are refused before the call, and the feature table in `docs/providers.md`
 * is generated from these declarations.
 *
 * @example
 * const body = anthropicClaudeAdapter.buildRequest(request, context);
 * const turn = anthropicClaudeAdapter.parseResponse(JSON.parse(text), context);
 */
export interface ModelFamilyAdapter {
  /** Stable kebab-case name, also the value of the `family` option, e.g. `anthropic-claude`. */
  readonly family: string;
  /** Human name for tables and error messages, e.g. `Anthropic Claude`. */
  readonly displayName: string;
  /** A few base model IDs this adapter serves, for documentation. */
  readonly exampleModelIds: readonly string[];
  readonly features: FamilyFeatures;
  /** True when this family serves the given base model ID (no region prefix, no ARN). */
  matches(baseModelId: string): boolean;
  buildRequest(request: ModelRequest, context: AdapterContext): NativeBody;
  parseResponse(body: NativeBody, context: AdapterContext): NativeTurn;
  createStreamDecoder(writer: ConverseStreamWriter, context: AdapterContext): NativeStreamDecoder;
}
