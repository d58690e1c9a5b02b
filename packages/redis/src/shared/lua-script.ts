import { createHash } from "node:crypto";
import type { RedisClient } from "./redis-client.js";
import { translateRedisError, type CommandContext } from "./redis-command.js";

/**
 * A Lua script run with EVALSHA (the script's text is sent once per server, with EVAL, when
 * Redis does not know it yet: after a restart or SCRIPT FLUSH). Scripts run atomically.
 *
 * @example
 * const reply = await casScript.run(client, [key], [token], context);
 */
export class LuaScript {
  private readonly sha: string;

  constructor(readonly source: string) {
    this.sha = createHash("sha1").update(source).digest("hex");
  }

  async run(client: RedisClient, keys: readonly string[], args: readonly string[], context: CommandContext): Promise<unknown> {
    const tail = [String(keys.length), ...keys, ...args];
    try {
      try {
        return await client.sendCommand(["EVALSHA", this.sha, ...tail], { timeout: context.timeoutMs });
      } catch (error) {
        if (!/^NOSCRIPT\b/.test(error instanceof Error ? error.message : "")) throw error;
        return await client.sendCommand(["EVAL", this.source, ...tail], { timeout: context.timeoutMs });
      }
    } catch (error) {
      throw translateRedisError(error, context);
    }
  }
}
