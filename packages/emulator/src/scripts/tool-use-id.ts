import { randomBytes } from "node:crypto";

/**
 * A tool-use ID shaped like the service's (`tooluse_` + 22 URL-safe base64 characters).
 *
 * @example
 * generateToolUseId(); // "tooluse_HA9wsJ32RhOvn8XgIUDpGA"
 */
export function generateToolUseId(): string {
  return `tooluse_${randomBytes(16).toString("base64url").slice(0, 22)}`;
}
