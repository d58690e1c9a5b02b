import type { FaultRule } from "../faults/fault-types.js";
import type { RecordedRequest } from "../inspection/recorded-request.js";
import type { InferenceProfile, InferenceProfileDeclaration } from "../profiles/inference-profile.js";
import type { ScriptDefinition, ScriptRule, ScriptedReply, StreamingOptions } from "../scripts/script-types.js";
import type { EmulatorClientOptions, EmulatorEnvironment } from "./emulator-client-options.js";

/**
 * A running emulator. Point any Bedrock Runtime client at `url`.
 *
 * @example
 * const emulator = await startEmulator();
 * const client = new BedrockRuntimeClient(emulator.clientOptions);
 * emulator.enqueue({ text: "Hello!" });
 * await emulator.close();
 */
export interface Emulator {
  /** `http://host:port`, no trailing slash. */
  readonly url: string;
  /** The address it listens on, e.g. `127.0.0.1`. */
  readonly host: string;
  /** The port it listens on (the one picked when started with port 0). */
  readonly port: number;
  /**
   * `{ endpoint, region, credentials }` for this emulator: pass it to `new BedrockRuntimeClient(...)`,
   * `createBedrockClient(...)` or `new Agent({ clientOptions })`. A new object on every read.
   */
  readonly clientOptions: EmulatorClientOptions;
  /**
   * `AWS_ENDPOINT_URL_BEDROCK_RUNTIME`, `AWS_REGION` and placeholder credentials for this emulator,
   * to run another process's AWS SDK clients against it unchanged. A new object on every read.
   */
  readonly environment: EmulatorEnvironment;
  /** Requests received, oldest first (bounded by `maxRecordedRequests`). */
  readonly requests: readonly RecordedRequest[];
  /** True while the server accepts connections. */
  readonly listening: boolean;
  /** Open client connections. */
  readonly connectionCount: number;
  /** Replaces turns and rules; `streaming` and `faults` in the definition replace those too. */
  script(definition: ScriptDefinition): void;
  /** Queues replies, answered in order (for `modelId` only when given). */
  enqueue(replies: ScriptedReply | readonly ScriptedReply[], modelId?: string): void;
  /** Adds a rule after the existing ones. */
  addRule(rule: ScriptRule): void;
  /** Queued replies not yet used. */
  pendingTurns(modelId?: string): number;
  /** Adds a fault; returns its id. */
  injectFault(rule: FaultRule): string;
  /** Removes the fault with that id; false when there was none. */
  removeFault(id: string): boolean;
  /** Removes every fault. */
  clearFaults(): void;
  /** Active faults with how often each fired. */
  readonly faults: ReadonlyArray<FaultRule & { id: string; fired: number }>;
  /** Changes stream pacing (merged into the current settings). */
  setStreaming(streaming: StreamingOptions): void;
  /**
   * Creates an application inference profile (until `reset()`); its ARN then works as a model ID
   * and `GetInferenceProfile` describes it.
   */
  createInferenceProfile(declaration: InferenceProfileDeclaration): InferenceProfile;
  /** The application inference profiles that exist now. */
  readonly inferenceProfiles: readonly InferenceProfile[];
  /** Forgets recorded requests only. */
  clearRequests(): void;
  /** Back to the start state: initial script, faults and pacing; no recorded requests. */
  reset(): void;
  /** Stops listening, ends every connection and pending timer. */
  close(): Promise<void>;
}
