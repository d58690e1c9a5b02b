import { LuaScript } from "../shared/lua-script.js";

// Two token buckets per rate-limit bucket (requests and tokens), refilled continuously at the
// per-minute rate up to their capacity (one minute's worth unless a burst is set), from the Redis
// server's clock (process clocks may disagree). KEYS[1] is the state hash: r, t (budget left),
// ts (last refill), seq, granted. ARGV[1..4]: rpm, tpm (0 = no limit), request and token capacity.
const refill = `
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local rpm = tonumber(ARGV[1])
local tpm = tonumber(ARGV[2])
local capR = tonumber(ARGV[3])
local capT = tonumber(ARGV[4])
local state = redis.call('HMGET', KEYS[1], 'r', 't', 'ts')
local r = tonumber(state[1]) or capR
local t = tonumber(state[2]) or capT
local elapsed = math.max(0, now - (tonumber(state[3]) or now))
if rpm > 0 then r = math.min(capR, r + elapsed * rpm / 60000) end
if tpm > 0 then t = math.min(capT, t + elapsed * tpm / 60000) end
`;

/**
 * Takes one call's cost from the buckets, first come first served across processes. KEYS: state
 * hash, queue (ticket → arrival number), liveness (ticket → deadline). ARGV after the refill's four:
 * ticket ('' for a new one), requests, tokens, policy ('wait' | 'fail'), liveness ms.
 * A call is granted only if it fits and no earlier waiter is queued; a waiting call holds its
 * place by coming back before its liveness deadline, so a dead process's place is dropped.
 * Returns {granted 0|1, ticket, wait ms estimate, grant number, waiters queued, server time ms}.
 */
export const acquireScript = new LuaScript(`${refill}
local dead = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now)
for _, id in ipairs(dead) do
  redis.call('ZREM', KEYS[2], id)
  redis.call('ZREM', KEYS[3], id)
end
local ticket = ARGV[5]
if ticket == '' then ticket = tostring(redis.call('HINCRBY', KEYS[1], 'seq', 1)) end
local needR = tonumber(ARGV[6])
local needT = tonumber(ARGV[7])
local head = redis.call('ZRANGE', KEYS[2], 0, 0)[1]
local fits = (rpm == 0 or r >= needR) and (tpm == 0 or t >= needT)
local wait = 0
if rpm > 0 and r < needR then wait = math.max(wait, (needR - r) * 60000 / rpm) end
if tpm > 0 and t < needT then wait = math.max(wait, (needT - t) * 60000 / tpm) end
local granted = 0
local grant = 0
if fits and (head == nil or head == ticket) then
  if rpm > 0 then r = r - needR end
  if tpm > 0 then t = t - needT end
  redis.call('ZREM', KEYS[2], ticket)
  redis.call('ZREM', KEYS[3], ticket)
  grant = redis.call('HINCRBY', KEYS[1], 'granted', 1)
  granted = 1
elseif ARGV[8] == 'wait' then
  if not redis.call('ZSCORE', KEYS[2], ticket) then redis.call('ZADD', KEYS[2], tonumber(ticket), ticket) end
  redis.call('ZADD', KEYS[3], now + tonumber(ARGV[9]), ticket)
end
redis.call('HSET', KEYS[1], 'r', tostring(r), 't', tostring(t), 'ts', now)
local queued = redis.call('ZCARD', KEYS[2])
for _, key in ipairs(KEYS) do redis.call('PEXPIRE', key, 3600000) end
return {granted, ticket, math.ceil(wait), grant, queued, now}
`);

/** Gives a waiting ticket's place up (an abort or a timeout). KEYS: queue, liveness. ARGV: ticket. */
export const cancelScript = new LuaScript(`
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1
`);

/**
 * Corrects the token bucket once a call's real usage is known: ARGV[5] tokens back (negative:
 * taken, the call used more than was reserved). ARGV[1..4] as for the refill.
 */
export const settleScript = new LuaScript(`${refill}
if tpm > 0 then t = math.min(capT, t + tonumber(ARGV[5])) end
redis.call('HSET', KEYS[1], 'r', tostring(r), 't', tostring(t), 'ts', now)
return 1
`);
