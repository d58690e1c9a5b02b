import {
  type BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  type ConverseStreamOutput,
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

  async converse(request: ModelRequest, options: ModelCallOptions = {}): Promise<ModelResponse> {
    const { guardrailConfig, ...rest } = request;
    const input = guardrailConfig
      ? {
          ...rest,
          guardrailConfig: {
            guardrailIdentifier: guardrailConfig.guardrailIdentifier,
            guardrailVersion: guardrailConfig.guardrailVersion,
            ...(guardrailConfig.trace !== undefined && { trace: guardrailConfig.trace }),
          },
        }
      : rest;
    const { $metadata: _metadata, ...response } = await sendWithSignal(options.signal, (sendOptions) =>
      this.client.send(new ConverseCommand(input), sendOptions),
    );
    return response;
  }

  async converseStream(
    request: ModelRequest,
    options: ModelCallOptions = {},
  ): Promise<AsyncIterable<ConverseStreamOutput>> {
    const output = await sendWithSignal(options.signal, (sendOptions) => this.client.send(new ConverseStreamCommand(request), sendOptions));
    return eventsTranslatingErrors(output.stream, options.signal);
  }
}
