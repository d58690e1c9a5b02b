import "reflect-metadata";
import {
  type BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  type ConverseStreamOutput,
} from "@aws-sdk/client-bedrock-runtime";
import { inject, injectable } from "tsyringe";
import { AbortError } from "../errors/abort-error.js";
import { BedrockError } from "../errors/bedrock-error.js";
import { Tokens } from "../di/tokens.js";
import { canAbort } from "../agent/never-aborted-signal.js";
import type { Model, ModelCallOptions, ModelRequest, ModelResponse } from "./model.js";

/**
 * The `Model` over Bedrock's Converse and ConverseStream APIs. The call's `AbortSignal` goes to
 * the SDK, so aborting cancels the HTTP request. Service exceptions become `BedrockError`s.
 *
 * @example
 * const model = new ConverseModel(createBedrockClient({ region: "us-east-1" }));
 */
@injectable()
export class ConverseModel implements Model {
  constructor(@inject(Tokens.BedrockClient) private readonly client: BedrockRuntimeClient) {}

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
    try {
      const { $metadata: _metadata, ...response } = await this.client.send(
        new ConverseCommand(input),
        sendOptions(options.signal),
      );
      return response;
    } catch (error) {
      throw translate(error, options.signal, false);
    }
  }

  async converseStream(
    request: ModelRequest,
    options: ModelCallOptions = {},
  ): Promise<AsyncIterable<ConverseStreamOutput>> {
    let output;
    try {
      output = await this.client.send(new ConverseStreamCommand(request), sendOptions(options.signal));
    } catch (error) {
      throw translate(error, options.signal, false);
    }
    const stream = output.stream;
    const signal = options.signal;
    return (async function* converseStreamEvents() {
      if (!stream) return;
      try {
        yield* stream;
      } catch (error) {
        throw translate(error, signal, true);
      }
    })();
  }
}

function sendOptions(signal: AbortSignal | undefined): { abortSignal?: AbortSignal } {
  return canAbort(signal) ? { abortSignal: signal } : {};
}

function translate(error: unknown, signal: AbortSignal | undefined, inStream: boolean): unknown {
  if (signal?.aborted) return new AbortError("The model call was aborted; the HTTP request was cancelled.", { cause: error });
  return BedrockError.fromSdkError(error, inStream);
}
