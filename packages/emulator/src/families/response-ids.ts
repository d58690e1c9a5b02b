import { randomBytes, randomUUID } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * A random string of base-62 characters, the alphabet of Anthropic message and tool-use IDs.
 *
 * @example
 * randomBase62(22); // "5PQpeBA1ylpgYTMBvCPTGk"
 */
export function randomBase62(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += BASE62[byte % 62];
  return out;
}

/**
 * A message ID shaped like the ones Claude on Bedrock returns (`msg_bdrk_01…`).
 *
 * @example
 * anthropicMessageId(); // "msg_bdrk_01FmwvNC1ksCq1T8tjvgUdDB"
 */
export function anthropicMessageId(): string {
  return `msg_bdrk_01${randomBase62(22)}`;
}

/**
 * A chat-completions style ID (`chatcmpl-…`) as OpenAI-compatible families return.
 *
 * @example
 * chatCompletionId(); // "chatcmpl-3f1c…"
 */
export function chatCompletionId(): string {
  return `chatcmpl-${randomUUID().replaceAll("-", "")}`;
}

/**
 * A random UUID (Cohere generation and response IDs).
 *
 * @example
 * uuid(); // "325cf647-69f5-424d-a82b-ae233013127b"
 */
export function uuid(): string {
  return randomUUID();
}
