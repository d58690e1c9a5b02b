import {
  ConversationConflictError,
  StoreDataError,
  type ConversationSaveOptions,
  type ConversationSnapshot,
  type ConversationStore,
  type SavedConversation,
  type StoredConversation,
} from "@sluice/core";
import { checkClient, checkOptions, integerOption, stringOption } from "../shared/check-options.js";
import { LuaScript } from "../shared/lua-script.js";
import type { RedisClient } from "../shared/redis-client.js";
import { redisCommand, type CommandContext } from "../shared/redis-command.js";

/** Options of `RedisConversationStore`. */
export interface RedisConversationStoreOptions {
  /** A connected node-redis client (Sluice never closes it). */
  client: RedisClient;
  /** Prepended to every conversation ID to make its key. Default `sluice:conversation:`. */
  prefix?: string;
  /** Forget a conversation this long after its last save. Default: keep it until deleted. */
  ttlMs?: number;
  /** How long a command may wait for a connection before it fails unsent. Default 5,000 ms. */
  commandTimeoutMs?: number;
}

const owner = "RedisConversationStore";

// A hash per conversation: `revision` and `snapshot` (JSON). Saving compares and bumps the
// revision in one script, so two writers can never both succeed from the same revision.
const saveScript = new LuaScript(`
local current = tonumber(redis.call('HGET', KEYS[1], 'revision') or '0')
if current == nil then return redis.error_reply('WRONGTYPE revision is not a number') end
if ARGV[1] ~= '' and tonumber(ARGV[1]) ~= current then return {0, current} end
redis.call('HSET', KEYS[1], 'revision', current + 1, 'snapshot', ARGV[2])
if ARGV[3] ~= '' then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return {1, current + 1}
`);

/**
 * A `ConversationStore` on Redis, shared by every process that uses the same Redis and prefix.
 * Each conversation is one hash (its revision and snapshot); a save with the revision the agent
 * loaded succeeds only if nobody saved in between, otherwise it is refused with a
 * `ConversationConflictError` and nothing is written. With `ttlMs`, a conversation expires that
 * long after its last save.
 *
 * @example
 * const client = await createClient({ url: process.env.REDIS_URL }).connect();
 * const agent = new Agent({ modelId, conversationId: "user-42", store: new RedisConversationStore({ client, ttlMs: 7 * 86_400_000 }) });
 */
export class RedisConversationStore implements ConversationStore {
  private readonly client: RedisClient;
  private readonly prefix: string;
  private readonly ttlMs: number | undefined;
  private readonly timeoutMs: number;

  constructor(options: RedisConversationStoreOptions) {
    checkOptions(owner, options, ["client", "prefix", "ttlMs", "commandTimeoutMs"]);
    checkClient(owner, options.client);
    this.client = options.client;
    this.prefix = stringOption(owner, "prefix", options.prefix, "sluice:conversation:");
    this.ttlMs = options.ttlMs === undefined ? undefined : integerOption(owner, "ttlMs", options.ttlMs, 1);
    this.timeoutMs = integerOption(owner, "commandTimeoutMs", options.commandTimeoutMs, 5_000);
  }

  async load(conversationId: string): Promise<ConversationSnapshot | undefined> {
    return (await this.loadWithRevision(conversationId))?.snapshot;
  }

  async loadWithRevision(conversationId: string): Promise<StoredConversation | undefined> {
    const reply = (await redisCommand(this.client, ["HMGET", this.key(conversationId), "revision", "snapshot"], this.context("load", conversationId))) as Array<string | null>;
    const [revisionText, snapshotText] = reply;
    if (revisionText === null && snapshotText === null) return undefined;
    const revision = Number(revisionText);
    if (!Number.isInteger(revision) || revision < 1 || typeof snapshotText !== "string") {
      throw this.damaged(conversationId, "its revision or snapshot field is missing or not a number");
    }
    return { snapshot: parseSnapshot(snapshotText, () => this.damaged(conversationId, "its snapshot is not a Sluice conversation snapshot in JSON")), revision };
  }

  async save(conversationId: string, snapshot: ConversationSnapshot, options: ConversationSaveOptions = {}): Promise<SavedConversation> {
    const expected = options.expectedRevision;
    const reply = (await saveScript.run(
      this.client,
      [this.key(conversationId)],
      [expected === undefined ? "" : String(expected), JSON.stringify(snapshot), this.ttlMs === undefined ? "" : String(this.ttlMs)],
      this.context("save", conversationId),
    )) as [number, number];
    if (reply[0] === 0) throw new ConversationConflictError(conversationId, expected ?? 0, reply[1]);
    return { revision: reply[1] };
  }

  async delete(conversationId: string): Promise<void> {
    await redisCommand(this.client, ["DEL", this.key(conversationId)], this.context("delete", conversationId));
  }

  private key(conversationId: string): string {
    return this.prefix + conversationId;
  }

  private context(operation: string, key: string): CommandContext {
    return { store: owner, operation, key, timeoutMs: this.timeoutMs };
  }

  private damaged(conversationId: string, what: string): StoreDataError {
    return new StoreDataError(owner, conversationId, `${owner}: the stored conversation "${conversationId}" (key ${this.key(conversationId)}) is damaged: ${what}. Delete it to start the conversation again.`);
  }
}

/** The snapshot in `text`, or the error `damaged()` makes when it is not JSON or not a snapshot. */
export function parseSnapshot(text: string, damaged: () => Error): ConversationSnapshot {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw damaged();
  }
  if (typeof value !== "object" || value === null || (value as { format?: unknown }).format !== "sluice.conversation") throw damaged();
  return value as ConversationSnapshot;
}
