import type { createClient } from '@keyv/redis';
import type { ClaimValue, Claims } from './claims.js';
import { serialize } from './serialize.js';

type Client = Pick<ReturnType<typeof createClient>, 'eval'>;

/*
 * One script per operation, so each check and its write are one step on the
 * server: Redis runs a script with nothing else in between, which is what
 * SET NX gives, but with the expiry read from the value (the caller's clock)
 * and the holder allowed to extend its own claim. Each entry also gets a PX
 * expiry, so Redis drops a lapsed claim by itself. `until` is a Lua keyword,
 * hence claim['until'].
 */
const CLAIM = `
local won = {}
for i, key in ipairs(KEYS) do
  won[i] = 1
  local held = redis.call('GET', key)
  if held then
    local ok, record = pcall(cjson.decode, held)
    if ok and type(record) == 'table' and type(record.value) == 'table' then
      local claim = record.value
      local untilMs = tonumber(claim['until'])
      if claim.claimedBy ~= ARGV[1] and untilMs and untilMs > tonumber(ARGV[2]) then won[i] = 0 end
    end
  end
  if won[i] == 1 then redis.call('SET', key, ARGV[3], 'PX', ARGV[4]) end
end
return won
`;

const RELEASE = `
local held = redis.call('GET', KEYS[1])
if not held then return 0 end
local ok, record = pcall(cjson.decode, held)
if ok and type(record) == 'table' and type(record.value) == 'table' and record.value.claimedBy == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

/**
 * Claims on Redis: atomic across every process and machine sharing it.
 * `redisKey` is where keyv's adapter keeps a key (it adds its own prefix), so
 * claims sit beside the records they guard and read back through the store.
 */
export const redisClaims = (client: Client, redisKey: (key: string) => string): Claims => ({
  async claim(keys, owner, ttlMs, now) {
    const value: ClaimValue = { claimedBy: owner, until: now + ttlMs };
    const written = await serialize({ value });
    const px = String(Math.max(1, Math.ceil(ttlMs)));
    const reply = await client.eval(CLAIM, {
      keys: keys.map(redisKey),
      arguments: [owner, String(now), written, px],
    });
    return (reply as unknown[]).map((won) => Number(won) === 1);
  },
  async release(key, owner) {
    const reply = await client.eval(RELEASE, { keys: [redisKey(key)], arguments: [owner] });
    return Number(reply) === 1;
  },
});
