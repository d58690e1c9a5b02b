import type {
  ConverseRequest,
  ConverseResponse,
  ConverseStreamOutput,
  GuardrailStreamConfiguration,
} from "@aws-sdk/client-bedrock-runtime";

/**
 * A Converse request as it travels through the pipeline. It is Bedrock's `ConverseRequest`,
 * with a required `modelId` and the streaming guardrail options allowed (they are ignored on
 * non-streaming calls).
 */
export type ModelRequest = Omit<ConverseRequest, "modelId" | "guardrailConfig"> & {
  /** Base model ID, inference profile ID, or the ARN of a prompt, provisioned or custom model. */
  modelId: string;
  guardrailConfig?: GuardrailStreamConfiguration;
};

/** Bedrock's Converse response, without the SDK's `$metadata`. */
export type ModelResponse = ConverseResponse;

/** Per-call options every model implementation honours. */
export interface ModelCallOptions {
  /** Aborting cancels the HTTP request (and with it the token billing). */
  signal?: AbortSignal;
}

/**
 * The contract between the pipeline and whatever answers Converse-shaped requests:
 * Bedrock's Converse API (`ConverseModel`), InvokeModel adapters, or a scripted test model.
 *
 * `converseStream` resolves once the stream is open, so HTTP-level errors reject the promise
 * and exceptions that arrive inside the stream are thrown by the iterator.
 *
 * @example
 * const model: Model = new ConverseModel(client);
 * const response = await model.converse({ modelId, messages }, { signal });
 */
export interface Model {
  converse(request: ModelRequest, options?: ModelCallOptions): Promise<ModelResponse>;
  converseStream(request: ModelRequest, options?: ModelCallOptions): Promise<AsyncIterable<ConverseStreamOutput>>;
}
