import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createStore } from '../../src/store/factory.js';
import { storeKey } from '../../src/store/keys.js';
import { KeyvStore } from '../../src/store/keyv-store.js';
import { capturingLogger } from './backends.js';

/** Runs statements on an SQLite file directly, as another program would. */
const sql = async (file: string, ...statements: string[]): Promise<Record<string, unknown>[]> => {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened: sqlite3.Database = new sqlite3.Database(file, (error) =>
      error ? reject(error) : resolve(opened),
    );
  });
  let rows: Record<string, unknown>[] = [];
  for (const statement of statements)
    rows = await new Promise((resolve, reject) =>
      db.all(statement, (error: Error | null, result: Record<string, unknown>[]) =>
        error ? reject(error) : resolve(result),
      ),
    );
  await new Promise<void>((resolve) => db.close(() => resolve()));
  return rows;
};

const REFUSAL =
  /is not a film-club store \(.+\); refusing to use it so nothing is overwritten\. Point STORE_URL elsewhere or move the file\./;
const Progress = z.object({ seconds: z.number() });
const key = storeKey('progress', 'never-let-me-go', '100000000000000001');

describe('the SQLite store file', () => {
  let dir: string;
  let file: string;
  const open = (logger = capturingLogger().logger) => createStore(`sqlite://${file}`, { logger });
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'filmclub-guard-'));
    file = path.join(dir, 'filmclub.sqlite');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('GIVEN a text file at STORE_URL WHEN the store opens THEN start-up stops, naming the path, and the file is untouched', async () => {
    await writeFile(file, 'my notes, not a database\n');
    await expect(open()).rejects.toThrow(REFUSAL);
    await expect(open()).rejects.toThrow(file);
    await expect(open()).rejects.toThrow(/not an SQLite database/);
    expect(await readFile(file, 'utf8')).toBe('my notes, not a database\n');
  });

  it("GIVEN another program's SQLite database WHEN the store opens THEN it refuses, naming the tables, and adds nothing to it", async () => {
    await sql(
      file,
      'CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)',
      "INSERT INTO users (name) VALUES ('ada')",
    );
    const before = await readFile(file);
    await expect(open()).rejects.toThrow(REFUSAL);
    await expect(open()).rejects.toThrow(/other tables: users/);
    expect((await readFile(file)).equals(before)).toBe(true);
    expect(await sql(file, "SELECT name FROM sqlite_master WHERE type = 'table'")).toEqual([
      { name: 'users' },
    ]);
  });

  it('GIVEN a keyv table another app filled WHEN the store opens THEN it refuses, quoting a foreign key', async () => {
    await sql(
      file,
      'CREATE TABLE keyv (key VARCHAR(255) PRIMARY KEY, value TEXT)',
      `INSERT INTO keyv VALUES ('keyv:session:abc', '{"value":{"user":1}}')`,
    );
    await expect(open()).rejects.toThrow(REFUSAL);
    await expect(open()).rejects.toThrow(/keys that are not ours, such as "keyv:session:abc"/);
    expect(await sql(file, 'SELECT key FROM keyv')).toEqual([{ key: 'keyv:session:abc' }]);
  });

  it('GIVEN a file SQLite cannot read past its header WHEN the store opens THEN it refuses rather than start afresh', async () => {
    const header = Buffer.from('SQLite format 3\0', 'latin1');
    await writeFile(file, Buffer.concat([header, Buffer.alloc(4096, 0xab)]));
    await expect(open()).rejects.toThrow(REFUSAL);
  });

  it('GIVEN an empty file or none THEN a new store is made there', async () => {
    await writeFile(file, '');
    const store = await open();
    await store.set(key, { seconds: 60 });
    expect(await store.get(key, Progress)).toEqual({ seconds: 60 });
    await store.close();
  });

  it('GIVEN a store the bot wrote WHEN it opens again THEN it is accepted and the data is there', async () => {
    const first = await open();
    await first.set(key, { seconds: 2280 });
    await first.close();
    const second = await open();
    expect(await second.get(key, Progress)).toEqual({ seconds: 2280 });
    await second.close();
  });

  it('GIVEN a new store THEN it runs in WAL mode, recorded in the file', async () => {
    const store = await open();
    await store.set(key, { seconds: 1 });
    await store.close();
    expect(await sql(file, 'PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
  });

  it('GIVEN a value written THEN the stored record carries the format version', async () => {
    const store = (await open()) as KeyvStore;
    await store.set(key, { seconds: 5 });
    await store.close();
    const [row] = await sql(file, 'SELECT value FROM keyv');
    expect(JSON.parse(String(row!.value))).toEqual({ v: 1, value: { seconds: 5 } });
  });
});

describe('versioned values', () => {
  it('GIVEN a record from before values carried a version THEN it still reads', async () => {
    const store = (await createStore('memory://', { logger: capturingLogger().logger })) as KeyvStore;
    await store.backend.keyv.store.set(store.fullKey(key), JSON.stringify({ value: { seconds: 7 } }));
    expect(await store.get(key, Progress)).toEqual({ seconds: 7 });
  });

  it('GIVEN a record in a format version this release does not know THEN it is ignored with a warning, not misread', async () => {
    const { logger, lines } = capturingLogger();
    const store = (await createStore('memory://', { logger })) as KeyvStore;
    await store.backend.keyv.store.set(store.fullKey(key), JSON.stringify({ v: 2, value: { seconds: 7 } }));
    expect(await store.get(key, Progress)).toBeUndefined();
    expect(lines()).toContainEqual(expect.objectContaining({ level: 40, key: store.fullKey(key) }));
  });
});
