import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import type { Logger } from '../logger.js';
import type { Backend } from './keyv-store.js';
import { sqliteClaims } from './sqlite-claims.js';
import { assertFilmClubStore } from './sqlite-guard.js';
import { deserialize, serialize } from './serialize.js';

/** `sqlite://./var/filmclub.sqlite` → `./var/filmclub.sqlite`; `sqlite:///abs/path` → `/abs/path`. */
export const sqlitePath = (url: string): string => url.replace(/^sqlite:\/\//, '');

/**
 * An embedded SQLite file: the default, for one process. The folder is made on
 * first use, and the file is opened at start-up so a bad path fails there, with
 * its name, rather than on someone's first command. A file that is not a
 * film-club store stops start-up instead (sqlite-guard.ts); the store runs in WAL mode.
 */
export const sqliteBackend = async (
  url: string,
  logger: Logger,
  timeoutMs: number,
  namespace: string,
): Promise<Backend> => {
  const file = sqlitePath(url);
  if (file === '') throw new Error(`STORE_URL "${url}" names no file; use sqlite://./var/filmclub.sqlite`);
  if (file !== ':memory:') {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    // Before keyv opens it: opening would already add keyv's table to someone else's database.
    await assertFilmClubStore(file, namespace, timeoutMs);
  }
  // busyTimeout: wait this long for another connection's lock instead of failing at once.
  const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: timeoutMs });
  const keyv = new Keyv({ store: adapter, useKeyPrefix: false, throwOnErrors: true, serialize, deserialize });
  keyv.on('error', (error: unknown) => logger.debug({ err: error, store: 'sqlite' }, 'sqlite error'));
  try {
    // WAL: a reader (another process, the forget-user script) and the bot's writes never wait for
    // each other, and a commit is one append to the log. The mode is kept in the file itself.
    const [mode] = (await adapter.query('PRAGMA journal_mode=WAL')) as { journal_mode?: string }[];
    if (file !== ':memory:' && mode?.journal_mode !== 'wal')
      logger.warn(
        { store: 'sqlite', file, journalMode: mode?.journal_mode },
        'SQLite would not use WAL mode',
      );
  } catch (error) {
    throw new Error(
      `Could not open the SQLite store at ${path.resolve(file)} (STORE_URL ${url}): ${String(error)}`,
      {
        cause: error,
      },
    );
  }
  return {
    name: 'sqlite',
    keyv,
    claims: sqliteClaims((sql, ...parameters) => adapter.query(sql, ...parameters)),
    close: () => adapter.disconnect(),
  };
};
