import { EmulatorConfigurationError } from "../errors/emulator-configuration-error.js";

/**
 * A Bedrock API key the emulator accepts as `Authorization: Bearer <key>`, optionally with the
 * moment it stops working (short-term keys expire; long-term ones can be given an expiry).
 *
 * @example
 * const key: ApiKey = { key: "ABSKtest", expiresAt: "2026-01-01T00:00:00Z" };
 */
export type ApiKey = string | { key: string; expiresAt?: Date | string };

/**
 * What the service answers (HTTP 403, no error type, capitalised member) for a bearer token it
 * does not accept, invalid or expired, as users of Bedrock API keys report it.
 */
export const API_KEY_REJECTED_BODY = '{"Message":"Authentication failed: Please make sure your API Key is valid."}';

/**
 * The API keys of one emulator. Without any configured, every bearer token is accepted (like any
 * SigV4 signature); with some, a bearer token must be one of them and not expired.
 *
 * @example
 * const keys = new ApiKeys(["ABSKtest"]);
 * keys.accepts("Bearer ABSKtest"); // true
 * keys.accepts("Bearer other"); // false
 * keys.accepts("AWS4-HMAC-SHA256 Credential=…"); // true (SigV4 is not a bearer token)
 */
export class ApiKeys {
  private readonly keys = new Map<string, number>();

  constructor(keys: readonly ApiKey[] = [], private readonly now: () => number = Date.now) {
    for (const entry of keys) {
      const key = typeof entry === "string" ? entry : entry?.key;
      if (typeof key !== "string" || key.trim() === "") throw new EmulatorConfigurationError(`apiKeys entries must be non-empty strings or { key, expiresAt? }, got ${JSON.stringify(entry)}`);
      const expiresAt = typeof entry === "string" || entry.expiresAt === undefined ? Number.POSITIVE_INFINITY : new Date(entry.expiresAt).getTime();
      if (Number.isNaN(expiresAt)) throw new EmulatorConfigurationError(`apiKeys["${key}"].expiresAt is not a date: ${JSON.stringify((entry as { expiresAt: unknown }).expiresAt)}`);
      this.keys.set(key, expiresAt);
    }
  }

  /** False only for a bearer token that is not a configured, unexpired key. */
  accepts(authorization: string | string[] | undefined): boolean {
    if (this.keys.size === 0 || typeof authorization !== "string") return true;
    const bearer = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    if (bearer === null) return true;
    const expiresAt = this.keys.get(bearer[1] ?? "");
    return expiresAt !== undefined && this.now() < expiresAt;
  }
}
