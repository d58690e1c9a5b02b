import { StoreUnavailableError } from "@sluice/core";
import { describeThrown } from "@sluice/core/internal";

/**
 * The typed error for what a `pg` query threw: always a `StoreUnavailableError` (the statement
 * did not complete, so the store cannot be used now), saying whether the connection was lost or
 * PostgreSQL refused the statement, with its SQLSTATE. A single statement commits whole or not at all.
 *
 * @example
 * catch (error) { throw postgresError(error, "save", conversationId); }
 */
export function postgresError(error: unknown, operation: string, conversationId: string): StoreUnavailableError {
  const code = typeof (error as { code?: unknown })?.code === "string" ? (error as { code: string }).code : undefined;
  const text = describeThrown(error);
  const lost = code === undefined || /^(08|57P0|53)/.test(code) || /^E[A-Z]+$/.test(code);
  const what = lost ? `the connection to PostgreSQL was lost or could not be made (${text})` : `PostgreSQL refused the statement (SQLSTATE ${code}: ${text})`;
  const effect = operation === "load" ? "Nothing was changed." : "The write took effect whole or not at all, never in part; reload before retrying.";
  return new StoreUnavailableError("PostgresConversationStore", operation, `PostgresConversationStore: ${operation}("${conversationId}") failed: ${what}. ${effect}`, error);
}
