import { type BedrockRuntimeClient, CountTokensCommand } from "@aws-sdk/client-bedrock-runtime";
import {
  BedrockError,
  compatibleClient,
  ConfigurationError,
  defaultCapabilityRegistry,
  type ModelCapabilityRegistry,
  type ModelRequest,
} from "@sluice/core";
import { sendWithSignal, translateSendError } from "@sluice/core/internal";
import { estimateRequestTokens } from "../shared/token-estimate.js";

/** A request's input tokens and where the figure came from. */
export interface TokenCount {
  inputTokens: number;
  /** `count-tokens`: Bedrock's CountTokens (what the call would be billed); `estimate`: Sluice's characters / 4 estimate. */
  source: "count-tokens" | "estimate";
}

/** Counts the input tokens of a Converse request. */
export interface TokenCounter {
  count(request: Pick<ModelRequest, "modelId" | "messages" | "system" | "toolConfig" | "additionalModelRequestFields">, options?: { signal?: AbortSignal }): Promise<TokenCount>;
}

/** Options of `createTokenCounter`. */
export interface TokenCounterOptions {
  /** The client CountTokens goes through. */
  client: BedrockRuntimeClient;
  /** Which models count tokens (and the model behind an application profile). Default `defaultCapabilityRegistry`. */
  registry?: ModelCapabilityRegistry;
  /** The count where CountTokens is not available. Default `estimateRequestTokens`. */
  estimate?: (request: Pick<ModelRequest, "messages" | "system" | "toolConfig">) => number;
}

const refusal = /doesn't support counting tokens/;

/**
 * A token counter over Bedrock's CountTokens API: exact input-token counts (as billed) for
 * models that count on bedrock-runtime (Claude 3.5 up to 4.5, addressed by the foundation-model
 * ID even when you send through a cross-region or application profile), the estimate for the
 * rest. A model that refuses counting, or a failed count, falls back to the estimate; a refusal
 * is remembered so it is not asked again. Used by `usageMiddleware({ tokenCounter })` and
 * `tokenBudgetManager({ tokenCounter })`.
 *
 * @example
 * const counter = createTokenCounter({ client });
 * const { inputTokens, source } = await counter.count({ modelId, messages });
 */
export function createTokenCounter(options: TokenCounterOptions): TokenCounter {
  if (typeof options?.client?.send !== "function") throw new ConfigurationError("createTokenCounter needs { client }: a BedrockRuntimeClient (createBedrockClient(...)).");
  const client = compatibleClient(options.client);
  const registry = options.registry ?? defaultCapabilityRegistry;
  const estimate = options.estimate ?? estimateRequestTokens;
  const refused = new Set<string>();

  return {
    async count(request, countOptions = {}) {
      const estimated = (): TokenCount => ({ inputTokens: estimate(request), source: "estimate" });
      const { baseModelId, capabilities } = await registry.resolve(request.modelId).catch(() => ({ baseModelId: undefined, capabilities: undefined }));
      if (baseModelId === undefined || capabilities?.countTokens !== true || refused.has(baseModelId)) return estimated();
      const converse = {
        messages: request.messages ?? [],
        ...(request.system !== undefined && { system: request.system }),
        ...(request.toolConfig !== undefined && { toolConfig: request.toolConfig }),
        ...(request.additionalModelRequestFields !== undefined && { additionalModelRequestFields: request.additionalModelRequestFields }),
      };
      try {
        const output = await sendWithSignal(countOptions.signal, (sendOptions) =>
          client.send(new CountTokensCommand({ modelId: baseModelId, input: { converse } as never }), sendOptions),
        );
        return typeof output.inputTokens === "number" ? { inputTokens: output.inputTokens, source: "count-tokens" } : estimated();
      } catch (error) {
        const translated = translateSendError(error, countOptions.signal, false, "token count");
        if (!BedrockError.isInstance(translated)) throw translated;
        if (refusal.test(translated.message)) refused.add(baseModelId);
        return estimated();
      }
    },
  };
}
