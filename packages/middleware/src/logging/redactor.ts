import { ConfigurationError } from "@sluice/core";

/** What a redactor removes besides the secrets it always removes. */
export interface RedactionOptions {
  /**
   * Field paths to redact, dot-separated, `*` for any key or array index. A path matches
   * wherever the record's path ends with it, so `card.number` covers a tool's input in the
   * tool-call record and the same input inside the model's response.
   */
  paths?: string[];
  /** More key names whose values are secret, anywhere in the record. */
  keys?: Array<string | RegExp>;
  /** Literal secret values (API keys, passwords) to remove wherever they appear in text. */
  values?: string[];
}

const redacted = "[REDACTED]";

/** Key names (lower case, without `-` and `_`) whose values are always secret. */
const secretKeys = new Set([
  "authorization",
  "proxyauthorization",
  "cookie",
  "setcookie",
  "xamzsecuritytoken",
  "xamzcontentsha256",
  "xapikey",
  "apikey",
  "accesskey",
  "accesskeyid",
  "secretaccesskey",
  "secretkey",
  "sessiontoken",
  "securitytoken",
  "secret",
  "clientsecret",
  "password",
  "passwd",
  "passphrase",
  "token",
  "accesstoken",
  "refreshtoken",
  "idtoken",
  "bearertoken",
  "privatekey",
  "credential",
  "credentials",
  "signature",
]);
const secretKeySuffixes = ["password", "secret", "apikey", "token", "privatekey", "accesskey", "secretkey"];

/** Secrets recognisable by their shape inside any text. */
const secretPatterns: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g, redacted], // AWS access key IDs
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${redacted}`],
  [/(Credential=)[^,\s]+/g, `$1${redacted}`], // SigV4 authorization header parts
  [/(Signature=)[0-9a-fA-F]+/g, `$1${redacted}`],
  [/([a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi, `$1${redacted}@`], // credentials in URLs
  [/((?:aws_)?secret_access_key\s*[=:]\s*)\S+/gi, `$1${redacted}`],
];

/**
 * Builds a function that returns a copy of a log record with secrets removed: values of
 * secret-looking keys (authorization headers, credentials, passwords, API keys, tokens), AWS
 * access key IDs, bearer tokens, SigV4 signatures and credentials in URLs inside any text,
 * plus the configured paths, keys and literal values. The record itself is not changed.
 *
 * @example
 * const redact = createRedactor({ paths: ["input.card.number"], values: [process.env.PARTNER_API_KEY!] });
 * logger.info(redact(record));
 */
export function createRedactor(options: RedactionOptions = {}): <T>(record: T) => T {
  const paths = (options.paths ?? []).map((path) => {
    if (typeof path !== "string" || path.trim() === "") throw new ConfigurationError("redact.paths must be non-empty dot paths such as \"input.card.number\".");
    return path.split(".");
  });
  const extraKeys = (options.keys ?? []).map((key) => (typeof key === "string" ? normaliseKey(key) : key));
  const values = (options.values ?? []).filter((value) => typeof value === "string" && value.length >= 4).sort((a, b) => b.length - a.length);

  const isSecretKey = (key: string): boolean => {
    const normalised = normaliseKey(key);
    if (secretKeys.has(normalised) || secretKeySuffixes.some((suffix) => normalised.endsWith(suffix))) return true;
    return extraKeys.some((extra) => (typeof extra === "string" ? extra === normalised : extra.test(key)));
  };

  const scrub = (text: string): string => {
    let result = text;
    for (const value of values) if (result.includes(value)) result = result.split(value).join(redacted);
    for (const [pattern, replacement] of secretPatterns) result = result.replace(pattern, replacement);
    return result;
  };

  const visit = (value: unknown, path: string[]): unknown => {
    if (paths.some((pattern) => matches(pattern, path))) return redacted;
    if (typeof value === "string") return scrub(value);
    if (typeof value !== "object" || value === null) return value;
    if (value instanceof Uint8Array) return `[${value.length} bytes]`;
    if (Array.isArray(value)) return value.map((item, index) => visit(item, [...path, String(index)]));
    if (value instanceof Error) return visit({ name: value.name, message: value.message }, path);
    const copy: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      copy[key] = member !== undefined && member !== null && isSecretKey(key) ? redacted : visit(member, [...path, key]);
    }
    return copy;
  };

  return <T>(record: T): T => visit(record, []) as T;
}

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, "");
}

function matches(pattern: string[], path: string[]): boolean {
  if (pattern.length > path.length) return false;
  const offset = path.length - pattern.length;
  return pattern.every((segment, index) => segment === "*" || segment === path[offset + index]);
}
