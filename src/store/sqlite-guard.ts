import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import sqlite3 from 'sqlite3';

/** The first 16 bytes of every SQLite database file. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** The one table @keyv/sqlite makes, and its columns. */
const KEYV_TABLE = 'keyv';
const KEYV_COLUMNS = ['key', 'value'];
/** SQLite's answers for a file that is not a database, or a damaged one. */
const UNREADABLE = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

/** STORE_URL points at something that is not ours: start-up stops rather than write into it. */
export class NotAStoreError extends Error {
  override readonly name = 'NotAStoreError';
}

const refuse = (file: string, why: string) =>
  new NotAStoreError(
    `${path.resolve(file)} is not a film-club store (${why}); refusing to use it so nothing is overwritten. Point STORE_URL elsewhere or move the file.`,
  );

const readHeader = async (file: string): Promise<Buffer> => {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(16), 0, 16, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
};

type Row = Record<string, unknown>;

/** Runs read-only queries on the file; opening it this way can neither create nor change anything. */
const readOnly = async <T>(
  file: string,
  busyMs: number,
  work: (all: (sql: string) => Promise<Row[]>) => Promise<T>,
) => {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened: sqlite3.Database = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) =>
      error ? reject(error) : resolve(opened),
    );
  });
  db.configure('busyTimeout', busyMs);
  const all = (sql: string) =>
    new Promise<Row[]>((resolve, reject) =>
      db.all(sql, (error: Error | null, rows: Row[]) => (error ? reject(error) : resolve(rows))),
    );
  try {
    return await work(all);
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
};

/**
 * Checks, before keyv opens it (and creates its table), that an existing file
 * at STORE_URL is a film-club store: an SQLite database holding nothing but
 * keyv's table, whose keys are all `<namespace>:v<n>:…`. A missing or empty
 * file is a new store. Anything else (a text file, another app's database, a
 * keyv table some other program filled) throws NotAStoreError naming the path.
 */
export const assertFilmClubStore = async (file: string, namespace: string, busyMs: number): Promise<void> => {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!info || (info.isFile() && info.size === 0)) return;
  if (!info.isFile()) throw refuse(file, 'it is not a file');
  if (!(await readHeader(file)).equals(SQLITE_HEADER)) throw refuse(file, 'it is not an SQLite database');
  try {
    await readOnly(file, busyMs, async (all) => {
      const tables = (
        await all(
          `SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`,
        )
      ).map((row) => String(row.name));
      const others = tables.filter((name) => name !== KEYV_TABLE);
      if (others.length > 0) throw refuse(file, `it holds other tables: ${others.slice(0, 5).join(', ')}`);
      if (tables.length === 0) return;
      const columns = (await all(`PRAGMA table_info(${KEYV_TABLE})`)).map((row) => String(row.name));
      if (columns.join(',') !== KEYV_COLUMNS.join(','))
        throw refuse(file, `its ${KEYV_TABLE} table has the columns ${columns.join(', ')}`);
      // GLOB, not LIKE: "_" in a namespace must match only itself.
      const [foreign] = await all(
        `SELECT key FROM ${KEYV_TABLE} WHERE key NOT GLOB '${namespace.replace(/'/g, "''")}:v[0-9]*:*' LIMIT 1`,
      );
      if (foreign)
        throw refuse(file, `it holds keys that are not ours, such as "${String(foreign.key).slice(0, 80)}"`);
    });
  } catch (error) {
    if (error instanceof NotAStoreError) throw error;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && UNREADABLE.has(code))
      throw refuse(file, `SQLite cannot read it: ${(error as Error).message}`);
    throw error;
  }
};
