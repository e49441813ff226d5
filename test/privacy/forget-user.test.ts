import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { atSeconds } from '../../src/position/position.js';
import { PartyRepository } from '../../src/party/repository.js';
import { forgetUser } from '../../src/privacy/forget-user.js';
import { loadProgress, saveProgress } from '../../src/progress/progress.js';
import { createLogger } from '../../src/logger.js';
import { createStore } from '../../src/store/factory.js';
import { loadLibrary } from '../../src/story/library.js';
import { runScript } from '../e2e/support/spawn.js';
import { actor, CHANNEL, GUILD, MEMBER, ORGANISER, OTHER_CHANNEL, partyHarness } from '../support/party.js';
import { bundledPackDir, fixtureFilmsDir } from '../support/paths.js';

const FORGOTTEN = '100000000000000042';

/** A store with the user's progress in two films, and their name on two parties' Remind me lists. */
const seeded = async (store?: Awaited<ReturnType<typeof createStore>>) => {
  const harness = await partyHarness(store ? { store } : {});
  const [nlmg, ferry] = harness.films.films;
  for (const pack of [nlmg!, ferry!]) {
    await saveProgress(harness.store, pack, FORGOTTEN, atSeconds(600), 0);
    await saveProgress(harness.store, pack, MEMBER, atSeconds(900), 0);
  }
  const ids: string[] = [];
  for (const channelId of [CHANNEL, OTHER_CHANNEL]) {
    const { view } = await harness.service.start({
      actor: actor(ORGANISER, channelId, true),
      channelId,
      when: 'in 2h',
      event: false,
    });
    for (const userId of [FORGOTTEN, MEMBER])
      await harness.service.toggleReminder(view.record.id, userId, GUILD);
    ids.push(view.record.id);
  }
  return { harness, ids };
};

describe('forgetUser', () => {
  it("GIVEN a user with progress and reminders WHEN forgotten THEN both are gone, and nobody else's", async () => {
    const { harness, ids } = await seeded();
    const forgotten = await forgetUser(harness.store, harness.films, FORGOTTEN);
    expect(forgotten.progress).toEqual(harness.films.films.map((pack) => pack.film.id));
    expect([...forgotten.reminders].sort()).toEqual([...ids].sort());
    const parties = new PartyRepository(harness.store);
    for (const pack of harness.films.films) {
      expect(await loadProgress(harness.store, pack, FORGOTTEN)).toBeUndefined();
      expect((await loadProgress(harness.store, pack, MEMBER))?.position.seconds).toBe(900);
    }
    for (const channelId of [CHANNEL, OTHER_CHANNEL])
      expect((await parties.load(channelId))?.remind).toEqual([MEMBER]);
  });

  it('GIVEN a user the bot knows nothing about THEN nothing changes and it says so', async () => {
    const { harness } = await seeded();
    expect(await forgetUser(harness.store, harness.films, '100000000000000099')).toEqual({
      progress: [],
      reminders: [],
    });
  });

  it('GIVEN something that is not a user id THEN it refuses', async () => {
    const { harness } = await seeded();
    await expect(forgetUser(harness.store, harness.films, 'everyone')).rejects.toThrow(
      /not a Discord user id/,
    );
  });
});

describe('npm run forget-user', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('GIVEN a SQLite store WHEN run with a user id THEN it removes their data and prints what it removed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'filmclub-forget-'));
    dirs.push(dir);
    const url = `sqlite://${path.join(dir, 'filmclub.sqlite')}`;
    const logger = createLogger({ level: 'silent' });
    const store = await createStore(url, { logger });
    const { harness } = await seeded(store);
    await harness.service.close();
    await store.close();

    const result = await runScript('scripts/forget-user.ts', [FORGOTTEN], {
      STORE_URL: url,
      FILMS_DIR: path.dirname(bundledPackDir),
      LOG_LEVEL: 'warn',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // Only the bundled film is in FILMS_DIR here: its progress goes, and both parties' reminders.
    expect(result.stdout).toMatch(
      /^Forgot user 100000000000000042: progress in 1 film\(s\) \(never-let-me-go\), reminders in 2 watch parties\./,
    );

    const reopened = await createStore(url, { logger });
    const films = await loadLibrary(path.dirname(bundledPackDir), 'never-let-me-go');
    expect(await loadProgress(reopened, films.default, FORGOTTEN)).toBeUndefined();
    expect((await new PartyRepository(reopened).load(CHANNEL))?.remind).toEqual([MEMBER]);
    await reopened.close();
  });

  it.each([[[]], [['everyone']]])('GIVEN %j THEN it prints its usage and exits 1', async (args) => {
    const result = await runScript('scripts/forget-user.ts', args, {
      STORE_URL: 'memory://',
      FILMS_DIR: fixtureFilmsDir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Usage: npm run forget-user -- <userId>/);
  });
});
