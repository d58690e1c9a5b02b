import { EmulatorConfigurationError } from "../errors/emulator-configuration-error.js";
import type { FaultRule } from "../faults/fault-types.js";
import type { ScriptDefinition, ScriptedReply } from "../scripts/script-types.js";
import { httpDate } from "../server/date-header.js";
import type { EmulatorState } from "../server/emulator-state.js";
import type { ResponseChannel } from "../server/response-channel.js";
import { isJsonObject } from "../wire/is-json-object.js";

/**
 * The admin endpoints, under `/__emulator/` (a prefix the service never uses):
 * - `GET /__emulator/health` → `{"status":"ok"}`
 * - `GET /__emulator/requests` → `{"requests":[…]}`; `DELETE` clears the log
 * - `POST /__emulator/reset` → back to the start state
 * - `POST /__emulator/script` with a script JSON → replaces the script
 * - `POST /__emulator/turns` with `{"turns":[…],"modelId"?}` → queues replies
 * - `GET|POST|DELETE /__emulator/faults` → list, add (one rule or `{"faults":[…]}`), clear
 * Bad input is answered with 400 `{"error": "…"}`.
 *
 * @example
 * handleAdminRequest(state, "POST", "/__emulator/reset", Buffer.alloc(0), channel);
 */
export function handleAdminRequest(
  state: EmulatorState,
  method: string,
  rawPath: string,
  rawBody: Buffer,
  channel: ResponseChannel,
): void {
  const path = rawPath.split("?")[0] ?? rawPath;
  const reply = (status: number, value: unknown): void =>
    channel.sendJson(status, { Date: httpDate() }, JSON.stringify(value));
  try {
    const body = rawBody.length === 0 ? undefined : (JSON.parse(rawBody.toString("utf8")) as unknown);
    const route = `${method} ${path}`;
    switch (route) {
      case "GET /__emulator/health":
        return reply(200, { status: "ok" });
      case "GET /__emulator/requests":
        return reply(200, { requests: state.log.all() });
      case "DELETE /__emulator/requests":
        state.log.clear();
        return reply(200, { cleared: true });
      case "POST /__emulator/reset":
        state.reset();
        return reply(200, { reset: true });
      case "POST /__emulator/script":
        state.applyScript((body ?? {}) as ScriptDefinition);
        return reply(200, { loaded: true });
      case "POST /__emulator/turns": {
        const { turns, modelId } = (body ?? {}) as { turns?: ScriptedReply[]; modelId?: string };
        if (!Array.isArray(turns)) throw new EmulatorConfigurationError('Body must be { "turns": [ … ], "modelId"?: "…" }');
        state.scriptedModel.enqueue(turns, modelId);
        return reply(200, { queued: turns.length });
      }
      case "GET /__emulator/faults":
        return reply(200, { faults: state.faults.list() });
      case "POST /__emulator/faults": {
        const rules = isFaultList(body) ? body.faults : [body as FaultRule];
        const ids = rules.map((rule) => state.faults.add(rule));
        return reply(200, { ids });
      }
      case "DELETE /__emulator/faults":
        state.faults.clear();
        return reply(200, { cleared: true });
      default:
        return reply(404, { error: `No admin endpoint ${route}. See docs/emulator.md for the list.` });
    }
  } catch (error) {
    reply(400, { error: (error as Error).message });
  }
}

function isFaultList(body: unknown): body is { faults: FaultRule[] } {
  return isJsonObject(body) && Array.isArray(body["faults"]);
}
