import { ModelCapabilityRegistry, ModelOutputError, compatibleClient, inferenceProfileResolver, isApplicationProfileArn } from "@sluice/core";
import { sendWithSignal, translateSendError } from "@sluice/core/internal";
import {
  type BedrockRuntimeClient,
  type ConverseStreamOutput,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
} from "@aws-sdk/client-bedrock-runtime";
import type { Model, ModelCallOptions, ModelRequest, ModelResponse } from "@sluice/core";
import type { AdapterContext, ModelFamilyAdapter } from "../adapter.js";
import { checkRequestFeatures } from "../features/check-request-features.js";
import { MODEL_FAMILY_ADAPTERS } from "../families/model-family-adapters.js";
import { familyByName, resolveFamily } from "../resolve/resolve-family.js";
import { ConverseStreamWriter } from "../shared/converse-stream-writer.js";
import { pickResponseFields } from "../shared/response-field-paths.js";
import { completeUsage, mergeUsage, usageFromHeaders, usageFromInvocationMetrics } from "../shared/token-usage.js";
import { captureHeaders, type Headers } from "./capture-headers.js";
import { invokeCommandInput, parseNativeJson, splitBedrockKeys } from "./invoke-command-input.js";

/** Options of {@link InvokeModelModel}. */
export interface InvokeModelModelOptions {
  /**
   * The model family, required for model IDs that do not name one (provisioned, custom,
   * imported, prompt and application-inference-profile ARNs), e.g. `"meta-llama"`.
   */
  family?: string;
  /** The adapters to choose from (default: every built-in family). Add your own here. */
  adapters?: readonly ModelFamilyAdapter[];
  /**
   * Where application inference profile ARNs are resolved to their model (and so their family)
   * when `family` is not given. Default: a registry that asks `GetInferenceProfile` through this
   * model's client (needs `@aws-sdk/client-bedrock`), once per ARN.
   */
  registry?: ModelCapabilityRegistry;
}

/**
 * A core `Model` that answers Converse-shaped requests through InvokeModel and
 * InvokeModelWithResponseStream, translating bodies with the model family's adapter. The same
 * Agent, middleware and tools run over it as over Converse. Usage comes from InvokeModel's
 * token headers, and on streams from the invocation metrics of the last chunk. Requests using
 * a feature the family lacks fail before the call with `UnsupportedFeatureError`.
 *
 * @example
 * const model = new InvokeModelModel(createBedrockClient({ region: "us-east-1" }));
 * const agent = new Agent({ modelId: "us.anthropic.claude-3-5-haiku-20241022-v1:0", model });
 */
export class InvokeModelModel implements Model {
  private readonly adapters: readonly ModelFamilyAdapter[];
  private readonly family: string | undefined;

  private readonly client: BedrockRuntimeClient;
  private readonly registry: ModelCapabilityRegistry;

  /** `client` may come from any copy of the AWS SDK v3 (see `compatibleClient` in @sluice/core). */
  constructor(client: BedrockRuntimeClient, options: InvokeModelModelOptions = {}) {
    this.client = compatibleClient(client);
    this.adapters = options.adapters ?? MODEL_FAMILY_ADAPTERS;
    this.family = options.family;
    if (this.family !== undefined) familyByName(this.family, this.adapters);
    this.registry = options.registry ?? registryFor(this.client);
  }

  /**
   * The adapter and context a request would use; throws what `converse` would throw before
   * calling. An application inference profile counts as its model once the registry resolved it.
   */
  prepare(request: ModelRequest, streaming: boolean): { adapter: ModelFamilyAdapter; context: AdapterContext } {
    const resolvedBase = this.family === undefined && isApplicationProfileArn(request.modelId) ? this.registry.baseOf(request.modelId) : undefined;
    const { adapter, baseModelId } = resolveFamily(resolvedBase ?? request.modelId, this.family, this.adapters);
    checkRequestFeatures(adapter, request, { baseModelId, streaming });
    return { adapter, context: { modelId: request.modelId, baseModelId, streaming, request } };
  }

  /** `prepare`, after resolving an application inference profile ARN (when no family is given). */
  private async prepareCall(request: ModelRequest, streaming: boolean): Promise<{ adapter: ModelFamilyAdapter; context: AdapterContext }> {
    if (this.family === undefined && isApplicationProfileArn(request.modelId)) {
      await this.registry.resolve(request.modelId).catch((error: unknown) => {
        throw translateSendError(error, undefined, false);
      });
    }
    return this.prepare(request, streaming);
  }

  async converse(request: ModelRequest, options: ModelCallOptions = {}): Promise<ModelResponse> {
    const { adapter, context } = await this.prepareCall(request, false);
    const command = new InvokeModelCommand(invokeCommandInput(request, adapter.buildRequest(request, context)));
    const captured: { headers: Headers } = { headers: {} };
    captureHeaders(command, captured);
    const started = Date.now();
    const output = await sendWithSignal(options.signal, (sendOptions) => this.client.send(command, sendOptions));
    const raw = parseNativeJson(output.body, adapter.family);
    const { body, annotations } = splitBedrockKeys(raw);
    const turn = adapter.parseResponse(body, context);
    const headerMetrics = usageFromHeaders(captured.headers);
    const fields = pickResponseFields(body, request.additionalModelResponseFieldPaths);
    return {
      output: { message: { role: "assistant", content: turn.content } },
      stopReason: annotations.guardrailIntervened ? "guardrail_intervened" : turn.stopReason,
      usage: completeUsage(mergeUsage(turn.usage, headerMetrics.usage)),
      metrics: { latencyMs: headerMetrics.latencyMs ?? Date.now() - started },
      ...(fields !== undefined && { additionalModelResponseFields: fields as never }),
    };
  }

  async converseStream(request: ModelRequest, options: ModelCallOptions = {}): Promise<AsyncIterable<ConverseStreamOutput>> {
    const { adapter, context } = await this.prepareCall(request, true);
    const command = new InvokeModelWithResponseStreamCommand(invokeCommandInput(request, adapter.buildRequest(request, context)));
    const started = Date.now();
    const output = await sendWithSignal(options.signal, (sendOptions) => this.client.send(command, sendOptions));
    const stream = output.body;
    const signal = options.signal;
    return (async function* invokeModelStreamEvents() {
      const writer = new ConverseStreamWriter();
      const decoder = adapter.createStreamDecoder(writer, context);
      let metrics: ReturnType<typeof usageFromInvocationMetrics>;
      let intervened = false;
      try {
        for await (const event of stream ?? []) {
          if (!event.chunk?.bytes) continue;
          const raw = parseNativeJson(event.chunk.bytes, adapter.family, "stream chunk: ");
          const { body, annotations } = splitBedrockKeys(raw);
          if (annotations.invocationMetrics !== undefined) metrics = usageFromInvocationMetrics(annotations.invocationMetrics);
          intervened ||= annotations.guardrailIntervened;
          decoder.push(body);
          yield* writer.drain();
        }
      } catch (error) {
        throw translateSendError(error, signal, true);
      }
      // Bedrock's last chunk of every complete stream carries the invocation metrics: a stream
      // without them was cut short, and what the model said may be cut off with it.
      if (metrics === undefined && !intervened) {
        throw new ModelOutputError(
          "The InvokeModel stream ended before its last chunk (no amazon-bedrock-invocationMetrics), so the answer may be cut off; it was not kept. Sending the same input again asks the model anew.",
        );
      }
      decoder.end();
      if (intervened) writer.stop("guardrail_intervened");
      writer.finish(metrics?.usage, metrics?.latencyMs ?? Date.now() - started);
      yield* writer.drain();
    })();
  }
}

/** One resolving registry per client, so agents built per request share its profile lookups. */
const registries = new WeakMap<BedrockRuntimeClient, ModelCapabilityRegistry>();

function registryFor(client: BedrockRuntimeClient): ModelCapabilityRegistry {
  let registry = registries.get(client);
  if (!registry) {
    registry = new ModelCapabilityRegistry({ resolveProfile: inferenceProfileResolver({ client }) });
    registries.set(client, registry);
  }
  return registry;
}
