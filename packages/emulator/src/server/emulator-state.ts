import { FaultInjector } from "../faults/fault-injector.js";
import type { FaultRule } from "../faults/fault-types.js";
import { RequestLog } from "../inspection/request-log.js";
import { ModelCatalog } from "../models/model-catalog.js";
import { InferenceProfileRegistry } from "../profiles/inference-profile-registry.js";
import { PromptCache } from "../converse/prompt-cache.js";
import type { ModelCapabilities } from "../models/model-capabilities.js";
import { ApiKeys } from "./api-keys.js";
import type { FamilyResolver } from "../models/model-catalog.js";
import { ScriptedModel } from "../scripts/scripted-model.js";
import type { ScriptDefinition, StreamingOptions } from "../scripts/script-types.js";
import { validateStreaming } from "../scripts/validate-script.js";
import { EventStreamEncoder } from "../wire/event-stream-encoder.js";
import { resolveStreaming } from "./emulator-options.js";
import type { ResolvedStreamingOptions } from "./emulator-options.js";

/** The state an emulator starts with, restored by `reset()`. */
export interface InitialState {
  script: ScriptDefinition;
  faults: readonly FaultRule[];
  streaming: StreamingOptions | undefined;
}

/**
 * Everything one emulator instance holds: scripted model, faults, request log, model catalog,
 * streaming pacing and the shared event-stream encoder. Request handlers read it; the public
 * `Emulator` handle and the admin endpoints change it.
 *
 * @example
 * const state = new EmulatorState({ script: {}, faults: [], streaming: undefined }, () => undefined, {}, false, 100);
 */
export class EmulatorState {
  readonly scriptedModel = new ScriptedModel();
  readonly faults = new FaultInjector();
  readonly log: RequestLog;
  readonly catalog: ModelCatalog;
  readonly encoder = new EventStreamEncoder();
  /** Cache entries written by cache points, per model (cleared by `reset()`). */
  readonly promptCache: PromptCache;
  streaming: ResolvedStreamingOptions = resolveStreaming(undefined);

  constructor(
    private readonly initial: InitialState,
    readonly resolveFamily: FamilyResolver,
    models: Readonly<Record<string, string>>,
    readonly requireAuthorization: boolean,
    maxRecordedRequests: number,
    /** Application inference profiles (declared ones survive `reset()`). */
    readonly profiles: InferenceProfileRegistry = new InferenceProfileRegistry({ region: "us-east-1", accountId: "123456789012" }, []),
    /** Bedrock API keys accepted as bearer tokens (none: any token). */
    readonly apiKeys: ApiKeys = new ApiKeys(),
    /** Per-model changes to the built-in capabilities (by base model ID or routed ID). */
    readonly capabilityOverrides: Readonly<Record<string, Partial<ModelCapabilities>>> = {},
    /** The clock for cache TTLs and key expiry. */
    readonly now: () => number = Date.now,
  ) {
    this.log = new RequestLog(maxRecordedRequests);
    this.promptCache = new PromptCache(now);
    this.catalog = new ModelCatalog(resolveFamily, models, (arn) => profiles.baseModelOf(arn));
    this.reset();
  }

  /** Loads a script: turns and rules replace the current ones; `streaming` and `faults`, when given, too. */
  applyScript(definition: ScriptDefinition): void {
    this.scriptedModel.load(definition);
    if (definition.streaming !== undefined) this.setStreaming(definition.streaming);
    if (definition.faults !== undefined) {
      this.faults.clear();
      for (const fault of definition.faults) this.faults.add(fault);
    }
  }

  setStreaming(streaming: StreamingOptions): void {
    validateStreaming(streaming, "streaming");
    this.streaming = resolveStreaming({ ...this.streaming, ...streaming });
  }

  /** Back to the start state: initial script, faults and pacing; empty request log; declared inference profiles only. */
  reset(): void {
    this.streaming = resolveStreaming(this.initial.streaming);
    this.faults.clear();
    for (const fault of this.initial.faults) this.faults.add(fault);
    this.scriptedModel.clear();
    this.applyScript(this.initial.script);
    this.log.clear();
    this.profiles.reset();
    this.promptCache.clear();
  }
}
