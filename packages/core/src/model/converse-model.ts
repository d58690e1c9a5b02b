import {
  type BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandOutput,
  ConverseStreamCommand,
  type ConverseStreamOutput,
  type GuardrailConfiguration,
} from "@aws-sdk/client-bedrock-runtime";
import { compatibleClient } from "../client/compatible-client.js";
import type { Model, ModelCallOptions, ModelRequest, ModelResponse } from "./model.js";
import { eventsTranslatingErrors, sendWithSignal } from "./send-with-signal.js";

/**
 * The `Model` over Bedrock's Converse and ConverseStream APIs. The call's `AbortSignal` goes to
 * the SDK, so aborting cancels the HTTP request. Service exceptions become `BedrockError`s.
 *
 * @example
 * const model = new ConverseModel(createBedrockClient({ region: "us-east-1" }));
 */
export class ConverseModel implements Model {
  private readonly client: BedrockRuntimeClient;

  /** `client` may come from any copy of the AWS SDK v3 (see `compatibleClient`). */
  constructor(client: BedrockRuntimeClient) {
    this.client = compatibleClient(client);
  }

  converse(request: ModelRequest, options: ModelCallOptions = {}): Promise<ModelResponse> {
    // Not async: every model call passes here, and one `then` costs less than an async frame and its await.
    try {
      const input = request.guardrailConfig ? { ...request, guardrailConfig: guardrailInput(request.guardrailConfig) } : request;
      return sendWithSignal(options.signal, (sendOptions) => this.client.send(new ConverseCommand(input), sendOptions)).then(withoutMetadata);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async converseStream(
    request: ModelRequest,
    options: ModelCallOptions = {},
  ): Promise<AsyncIterable<ConverseStreamOutput>> {
    const output = await sendWithSignal(options.signal, (sendOptions) => this.client.send(new ConverseStreamCommand(request), sendOptions));
    return eventsTranslatingErrors(output.stream, options.signal);
  }
}

/** The guardrail settings Converse takes (a stream-only field such as `streamProcessingMode` is left out). */
function guardrailInput(config: NonNullable<ModelRequest["guardrailConfig"]>): GuardrailConfiguration {
  return {
    guardrailIdentifier: config.guardrailIdentifier,
    guardrailVersion: config.guardrailVersion,
    ...(config.trace !== undefined && { trace: config.trace }),
  };
}

/** The SDK's output less its `$metadata` (request ID, attempts): a `ModelResponse` holds the answer only. */
function withoutMetadata(output: ConverseCommandOutput): ModelResponse {
  const { $metadata: _metadata, ...response } = output;
  return response;
}
