import { ConfigurationError } from "../errors/configuration-error.js";

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
  "xamzsignature",
  "xamzcredential",
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

/**
 * Secrets recognisable by their shape inside any text, such as an error message that quotes a
 * request (InvalidSignatureException quotes the canonical request, headers included).
 */
const secretPatterns: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g, redacted], // AWS access key IDs
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${redacted}`],
  // An Authorization header quoted in text: everything up to the end of the quote or line.
  [/(\b(?:proxy-)?authorization["']?\s*[:=]\s*["']?)(?!\[REDACTED\])[^"'\r\n]+/gi, `$1${redacted}`],
  [/(Credential=)[^,\s&"']+/g, `$1${redacted}`], // SigV4 authorization header and presigned URL parts
  [/((?:X-Amz-)?Signature=)[0-9a-fA-F]+/gi, `$1${redacted}`],
  // Session tokens as a header (`x-amz-security-token: ...` in a canonical request) or query parameter.
  [/(x-amz-security-token["']?\s*[:=]\s*["']?)[^\s"'&,]+/gi, `$1${redacted}`],
  // Environment-style assignments of AWS secrets: AWS_SESSION_TOKEN=..., AWS_BEARER_TOKEN_BEDROCK=..., aws_secret_access_key = ...
  [/(\b(?:aws_)?(?:session_token|security_token|secret_access_key|bearer_token_bedrock)["']?\s*[=:]\s*["']?)[^\s"',;]+/gi, `$1${redacted}`],
  [/\b(?:IQoJb3JpZ2lu|FwoGZXIvYXdz)[A-Za-z0-9+/=]{16,}/g, redacted], // STS session tokens
  [/\bABSK[A-Za-z0-9+/=]{16,}/g, redacted], // Bedrock long-term API keys
  [/\bbedrock-api-key-[A-Za-z0-9+/=_-]{8,}/g, redacted], // Bedrock short-term API keys
  [/([a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi, `$1${redacted}@`], // credentials in URLs
];

/** Matches any text that one of `secretPatterns` could change. */
const mightHoldSecret = /AKIA|ASIA|ABIA|ACCA|bearer|basic|authorization|credential=|signature=|security.token|session_token|secret_access_key|IQoJ|FwoG|ABSK|bedrock-api-key|:\/\//i;

/** Environment variables whose values are secrets wherever they appear. */
const secretEnvironment = ["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_BEARER_TOKEN_BEDROCK"];

/**
 * Builds a function that returns a copy of a log record with secrets removed: values of
 * secret-looking keys (authorization headers, credentials, passwords, API keys, tokens); inside
 * any text, AWS access key IDs, bearer tokens and Bedrock API keys, quoted Authorization headers,
 * SigV4 credentials and signatures, session tokens (`X-Amz-Security-Token`, `AWS_SESSION_TOKEN=`),
 * secret environment assignments, credentials in URLs, and the values of the secret AWS
 * environment variables set when it is built; plus the configured paths, keys and literal
 * values. The record itself is not changed. The agent's own log records and the logging
 * middleware's pass through it.
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
  const environment = typeof process === "undefined" ? [] : secretEnvironment.map((name) => process.env[name]).filter((value): value is string => typeof value === "string" && value.length >= 8);
  const values = [...(options.values ?? []), ...environment].filter((value) => typeof value === "string" && value.length >= 4).sort((a, b) => b.length - a.length);

  const decided = new Map<string, boolean>();
  const isSecretKey = (key: string): boolean => {
    let secret = decided.get(key);
    if (secret === undefined) {
      const normalised = normaliseKey(key);
      secret =
        secretKeys.has(normalised) ||
        secretKeySuffixes.some((suffix) => normalised.endsWith(suffix)) ||
        extraKeys.some((extra) => (typeof extra === "string" ? extra === normalised : extra.test(key)));
      // Key names repeat across records; remember the answer for a bounded number of them.
      if (decided.size < 10_000) decided.set(key, secret);
    }
    return secret;
  };

  const scrub = (text: string): string => {
    let result = text;
    for (const value of values) if (result.includes(value)) result = result.split(value).join(redacted);
    // One cheap test first: most strings in a record (IDs, stop reasons) hold none of the shapes.
    if (result.length < 8 || !mightHoldSecret.test(result)) return result;
    for (const [pattern, replacement] of secretPatterns) result = result.replace(pattern, replacement);
    return result;
  };

  // Paths are only tracked when some are configured; most records need none. One stack holds
  // the path of the value being visited, instead of a copy of it per value.
  const tracking = paths.length > 0;
  const path: string[] = [];
  const visitMember = (value: unknown, key: string): unknown => {
    if (!tracking) return visit(value);
    path.push(key);
    const visited = visit(value);
    path.pop();
    return visited;
  };
  const visit = (value: unknown): unknown => {
    if (tracking && paths.some((pattern) => matches(pattern, path))) return redacted;
    if (typeof value === "string") return scrub(value);
    if (typeof value !== "object" || value === null) return value;
    if (value instanceof Uint8Array) return `[${value.length} bytes]`;
    if (Array.isArray(value)) return tracking ? value.map((item, index) => visitMember(item, String(index))) : value.map((item) => visit(item));
    if (value instanceof Error) return visit({ name: value.name, message: value.message });
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const member = (value as Record<string, unknown>)[key];
      copy[key] = member !== undefined && member !== null && isSecretKey(key) ? redacted : visitMember(member, key);
    }
    return copy;
  };

  return <T>(record: T): T => {
    path.length = 0; // a getter that threw in an earlier record may have left entries behind
    return visit(record) as T;
  };
}

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, "");
}

function matches(pattern: string[], path: string[]): boolean {
  if (pattern.length > path.length) return false;
  const offset = path.length - pattern.length;
  return pattern.every((segment, index) => segment === "*" || segment === path[offset + index]);
}
