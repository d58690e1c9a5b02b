import { randomBytes } from "node:crypto";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A name no other test file (or parallel run) uses, for a Redis key prefix or a PostgreSQL
 * schema: letters, digits and underscores, from the file's name and a random suffix, at most 50 characters.
 *
 * @example
 * const prefix = `${testNamespace(import.meta.url)}:`;
 */
export function testNamespace(fileUrl: string): string {
  const file = basename(fileURLToPath(fileUrl)).replace(/\.test\.ts$|\.ts$/, "").toLowerCase().replace(/[^a-z0-9]+/g, "_");
  return `t_${file.slice(0, 34)}_${randomBytes(5).toString("hex")}`;
}
