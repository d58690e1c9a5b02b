import { EmulatorConfigurationError } from "../errors/emulator-configuration-error.js";
import { foundationModelId } from "../families/model-id.js";
import { applicationProfile, systemProfile } from "./inference-profile.js";
import type { EmulatorAccount, InferenceProfile, InferenceProfileDeclaration } from "./inference-profile.js";

/**
 * The application inference profiles one emulator knows, by ARN and by ID: declared ones (kept
 * across `reset()`) and those created since (through `CreateInferenceProfile` or
 * `emulator.createInferenceProfile`, forgotten on reset). System profiles (`us.…`, `global.…`)
 * are described on demand.
 *
 * @example
 * const registry = new InferenceProfileRegistry({ region: "us-east-1", accountId: "123456789012" }, []);
 * const profile = registry.create({ name: "team-a", model: "anthropic.claude-3-5-haiku-20241022-v1:0" });
 * registry.baseModelOf(profile.inferenceProfileArn); // "anthropic.claude-3-5-haiku-20241022-v1:0"
 */
export class InferenceProfileRegistry {
  private readonly profiles = new Map<string, InferenceProfile>();
  private readonly declared: InferenceProfile[];

  constructor(
    readonly account: EmulatorAccount,
    declarations: readonly InferenceProfileDeclaration[],
  ) {
    this.declared = declarations.map((declaration) => applicationProfile(declaration, account));
    this.reset();
  }

  /** Adds an application profile; a name or ID already in use is a configuration error. */
  create(declaration: InferenceProfileDeclaration): InferenceProfile {
    const profile = applicationProfile(declaration, this.account);
    this.add(profile);
    return profile;
  }

  /** The profile an ARN or ID names: an application profile, or a system one described on demand. */
  get(identifier: string): InferenceProfile | undefined {
    return this.profiles.get(identifier) ?? systemProfile(identifier.slice(identifier.lastIndexOf("/") + 1), this.account);
  }

  /** Every application profile (system ones are not listed here). */
  list(): InferenceProfile[] {
    return [...new Set(this.profiles.values())];
  }

  /** Removes an application profile by ARN or ID; false when there is none. */
  delete(identifier: string): boolean {
    const profile = this.profiles.get(identifier);
    if (profile === undefined) return false;
    this.profiles.delete(profile.inferenceProfileArn);
    this.profiles.delete(profile.inferenceProfileId);
    return true;
  }

  /** The foundation model an application profile ARN routes to; undefined for unknown ARNs. */
  baseModelOf(arn: string): string | undefined {
    const profile = this.profiles.get(arn);
    const modelArn = profile?.models.at(-1)?.modelArn;
    return modelArn === undefined ? undefined : foundationModelId(modelArn);
  }

  /** Back to the declared profiles only. */
  reset(): void {
    this.profiles.clear();
    for (const profile of this.declared) this.add(profile);
  }

  private add(profile: InferenceProfile): void {
    const taken = this.list().find((existing) => existing.inferenceProfileName === profile.inferenceProfileName || existing.inferenceProfileId === profile.inferenceProfileId);
    if (taken !== undefined) throw new EmulatorConfigurationError(`An inference profile named "${taken.inferenceProfileName}" (id ${taken.inferenceProfileId}) already exists.`);
    this.profiles.set(profile.inferenceProfileArn, profile);
    this.profiles.set(profile.inferenceProfileId, profile);
  }
}
