/**
 * One conformance check: a name to show and an async function that throws (an
 * `AssertionError`) when the store does not behave. Run each as a test of your test runner.
 *
 * @example
 * for (const check of conversationStoreChecks(subject)) it(check.name, check.run, 30_000);
 */
export interface StoreCheck {
  name: string;
  run: () => Promise<void>;
}

/**
 * Real connection drops, for the checks that a call interrupted by a dropped connection fails with
 * `StoreUnavailableError` and writes nothing. Provoke them on the real server, not with mocks:
 * e.g. `CLIENT PAUSE` then `CLIENT KILL` in Redis, a table lock then `pg_terminate_backend` in PostgreSQL.
 *
 * @example
 * const connectionDrop = { hold: () => admin.sendCommand(["CLIENT", "PAUSE", "5000", "ALL"]), drop: killStoreClients, release: () => admin.sendCommand(["CLIENT", "UNPAUSE"]) };
 */
export interface ConnectionDrop {
  /** Makes the server hold the store's next command without answering (e.g. `CLIENT PAUSE`, a table lock). */
  hold(): Promise<void>;
  /** Waits until the store's command is held at the server, then drops the store's connections. */
  drop(): Promise<void>;
  /** Lets the server go on (undoes `hold`). Called even when the check fails. */
  release(): Promise<void>;
  /** False when `hold` holds only writes (Redis `CLIENT PAUSE WRITE`: the pause of all commands would pause the admin connection too); reads are then not checked. Default true. */
  holdsReads?: boolean;
}

/** A random ID, so that checks never meet each other's data in a shared store. */
export function uniqueId(label: string): string {
  return `${label}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Waits `ms` milliseconds. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** What `action` rejected with; fails when it resolved. */
export async function rejection(action: Promise<unknown>, what: string): Promise<unknown> {
  try {
    await action;
  } catch (error) {
    return error;
  }
  throw new Error(`${what} resolved, but it should have rejected`);
}

/**
 * Starts `call` while the server holds commands, drops the connection, and returns what the call
 * rejected with. The server is released whatever happens.
 */
export async function duringDrop(drop: ConnectionDrop, call: () => Promise<unknown>, what: string): Promise<unknown> {
  await drop.hold();
  try {
    const outcome = rejection(call(), what);
    outcome.catch(() => undefined); // awaited below; a failing drop() must not leave it unhandled
    await drop.drop();
    return await outcome;
  } finally {
    await drop.release();
  }
}
