import { SWEEP_EVERY, type ClaimValue, type Claims } from './claims.js';
import { serialize } from './serialize.js';

type Query = (sql: string, ...parameters: unknown[]) => Promise<unknown>;

/*
 * Claims live in keyv's own table, as ordinary rows (sqlite-guard.ts refuses a
 * file with any other table). One statement does the whole claim, of one key
 * or many: insert, or overwrite a row that has lapsed or is already the
 * caller's, and RETURNING names the rows written. SQLite runs each statement
 * as one transaction, with one writer at a time across every connection to
 * the file, so two processes on one file can never both get a key. CASE, not
 * AND/OR: only CASE is sure not to run json_extract on a value that is not JSON.
 */
const CLAIM = (table: string, count: number) => `
INSERT INTO ${table} (key, value) VALUES ${Array.from({ length: count }, () => '(?, ?)').join(', ')}
ON CONFLICT(key) DO UPDATE SET value = excluded.value
WHERE CASE WHEN json_valid(${table}.value)
  THEN json_extract(${table}.value, '$.value.claimedBy') IS ?
    OR ifnull(json_extract(${table}.value, '$.value.until'), 0) <= ?
  ELSE 1 END
RETURNING key`;

const RELEASE = (table: string) => `
DELETE FROM ${table} WHERE key = ?
AND CASE WHEN json_valid(value) THEN json_extract(value, '$.value.claimedBy') IS ? ELSE 0 END
RETURNING key`;

/** Only among the keys given (this connection's claims): a sweep never scans the whole table. */
const SWEEP = (table: string) => `
DELETE FROM ${table}
WHERE key IN (SELECT value FROM json_each(?))
AND CASE WHEN json_valid(value)
  THEN json_type(value, '$.value.claimedBy') = 'text' AND json_extract(value, '$.value.until') <= ?
  ELSE 0 END
RETURNING key`;

const rows = (result: unknown): { key?: unknown }[] => (Array.isArray(result) ? result : []);
/** Well under SQLite's limit on bound parameters. */
const BATCH = 200;

/** Claims in an SQLite file, shared by every connection (and process) that opens it. */
export const sqliteClaims = (query: Query, table = 'keyv'): Claims => {
  let sinceSweep = 0;
  /** Keys this connection has claimed and not released: what its sweeps look at. */
  const mine = new Set<string>();
  return {
    async claim(keys, owner, ttlMs, now) {
      if ((sinceSweep += keys.length) >= SWEEP_EVERY) {
        sinceSweep = 0;
        for (const row of rows(await query(SWEEP(table), JSON.stringify([...mine]), now)))
          mine.delete(String(row.key));
      }
      const value: ClaimValue = { claimedBy: owner, until: now + ttlMs };
      const written = await serialize({ value });
      const won = new Set<unknown>();
      for (let i = 0; i < keys.length; i += BATCH) {
        const batch = keys.slice(i, i + BATCH);
        const pairs = batch.flatMap((key) => [key, written]);
        for (const row of rows(await query(CLAIM(table, batch.length), ...pairs, owner, now)))
          won.add(row.key);
      }
      return keys.map((key) => {
        if (won.has(key)) mine.add(key);
        return won.has(key);
      });
    },
    async release(key, owner) {
      mine.delete(key);
      return rows(await query(RELEASE(table), key, owner)).length === 1;
    },
  };
};
