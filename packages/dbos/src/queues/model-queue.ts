import { DBOS } from "@dbos-inc/dbos-sdk";
import { DurableConfigurationError } from "../errors/durable-error.js";
import { ensureLaunched } from "../shared/register-workflow.js";

/** Limits of a model's queue, enforced by DBOS for every process on the system database. */
export interface ModelQueueLimits {
  /** Runs of this queue running at once across all processes. */
  concurrency?: number;
  /** Runs of this queue running at once in one process. */
  workerConcurrency?: number;
  /** At most `runs` started per `perSeconds`, across all processes. */
  rateLimit?: { runs: number; perSeconds: number };
}

/** A registered queue for one model's durable runs; pass it as `queue` when starting a run. */
export interface ModelQueue {
  readonly name: string;
  readonly modelId: string;
}

/** The queue name of a model: `sluice-model-` and the model id with other characters than letters, digits, `.`, `_`, `-` as `_`. */
export function modelQueueName(modelId: string): string {
  return `sluice-model-${modelId.replace(/[^A-Za-z0-9._-]/g, "_")}`;
}

/**
 * Registers (or updates) the DBOS queue of a model, so durable runs started on it share its
 * concurrency and rate limits across every process on the same system database: Bedrock's
 * quotas are per account and model, not per process. Call it after `DBOS.launch()`, in each
 * process that should run work from the queue; the limits count whole durable runs.
 *
 * @example
 * const haiku = await registerModelQueue(modelId, { concurrency: 4, rateLimit: { runs: 60, perSeconds: 60 } });
 * const handle = await support.start("Where is my order?", { queue: haiku });
 */
export async function registerModelQueue(modelId: string, limits: ModelQueueLimits = {}): Promise<ModelQueue> {
  if (typeof modelId !== "string" || modelId.trim() === "") throw new DurableConfigurationError("registerModelQueue: give the model id whose runs the queue limits.");
  checkPositive("concurrency", limits.concurrency);
  checkPositive("workerConcurrency", limits.workerConcurrency);
  if (limits.rateLimit !== undefined) {
    checkPositive("rateLimit.runs", limits.rateLimit.runs);
    if (!(typeof limits.rateLimit.perSeconds === "number" && limits.rateLimit.perSeconds > 0 && Number.isFinite(limits.rateLimit.perSeconds))) {
      throw new DurableConfigurationError(`registerModelQueue: rateLimit.perSeconds must be a positive number of seconds (got ${String(limits.rateLimit.perSeconds)}).`);
    }
  }
  ensureLaunched("registerModelQueue");
  const name = modelQueueName(modelId);
  await DBOS.registerQueue(name, {
    onConflict: "always_update",
    ...(limits.concurrency !== undefined && { globalConcurrency: limits.concurrency }),
    ...(limits.workerConcurrency !== undefined && { workerConcurrency: limits.workerConcurrency }),
    ...(limits.rateLimit !== undefined && { rateLimit: { limitPerPeriod: limits.rateLimit.runs, periodSec: limits.rateLimit.perSeconds } }),
  });
  return { name, modelId };
}

function checkPositive(option: string, value: number | undefined): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < 1) throw new DurableConfigurationError(`registerModelQueue: ${option} must be a whole number of at least 1 (got ${String(value)}).`);
}
