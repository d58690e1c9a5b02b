import { SluiceError } from "@sluice/core";

/** The limits the usage middleware enforces per agent run. */
export type UsageLimitName = "model-calls" | "total-tokens" | "input-tokens" | "output-tokens";

/**
 * An agent run reached a limit set on the usage middleware (tokens or model calls per run).
 * It is raised before the model call that would go over, so nothing more is billed; the agent
 * rolls the turn back and the conversation stays as it was.
 *
 * @example
 * catch (error) { if (UsageLimitError.isInstance(error)) console.log(error.limit, error.used, error.maximum); }
 */
export class UsageLimitError extends SluiceError {
  readonly limit: UsageLimitName;
  /** What the run had used when the limit stopped it. */
  readonly used: number;
  readonly maximum: number;

  constructor(limit: UsageLimitName, used: number, maximum: number) {
    const unit = limit === "model-calls" ? "model calls" : limit.replace("-", " ");
    super(
      "usage-limit",
      `This agent run reached its limit of ${maximum} ${unit} (used ${used}); no further model call was made. ` +
        "Raise the limit on usageMiddleware, or split the work into smaller runs.",
    );
    this.limit = limit;
    this.used = used;
    this.maximum = maximum;
  }
}
