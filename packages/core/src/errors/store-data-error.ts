import { SluiceError } from "./sluice-error.js";

/**
 * What a store holds under a key is not what Sluice wrote there (not JSON, another format, a
 * value of the wrong type): it was damaged or written by something else. Nothing was changed;
 * delete the key (or restore it from a backup) to use it again.
 *
 * @example
 * catch (error) { if (StoreDataError.isInstance(error)) await store.delete(error.key); }
 */
export class StoreDataError extends SluiceError {
  /** Which store, e.g. `PostgresConversationStore`. */
  readonly store: string;
  /** The damaged entry's key or conversation ID, as the store's methods take it. */
  readonly key: string;

  constructor(store: string, key: string, message: string, cause?: unknown) {
    super("store-data", message, { cause });
    this.store = store;
    this.key = key;
  }
}
