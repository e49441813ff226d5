import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { IDS, startFakeDiscord, type FakeDiscord } from '../support/fake-discord/index.js';
import { runScript } from './support/spawn.js';

const registryJson = () => JSON.parse(JSON.stringify(commands.map((command) => command.data.toJSON())));

describe('npm run deploy-commands', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  beforeEach(() => fake.recorder.clear());
  afterAll(async () => {
    await fake?.close();
  });

  const env = () => ({
    DISCORD_TOKEN: fake.token,
    DISCORD_CLIENT_ID: IDS.application,
    DISCORD_API_URL: fake.apiUrl,
    // Set but blank, so a developer's .env cannot turn the global run into a guild one.
  });

  it('GIVEN --dry-run and no token THEN it prints the registry JSON and calls nobody', async () => {
    const result = await runScript('scripts/deploy-commands.ts', ['--dry-run'], { DISCORD_TOKEN: '' });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(registryJson());
    expect(fake.recorder.calls).toEqual([]);
  });

  it('GIVEN --guild ID THEN it registers every command on that server in one bulk overwrite', async () => {
    const result = await runScript('scripts/deploy-commands.ts', ['--guild', IDS.guild], env());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(`Registered ${commands.length} commands on server ${IDS.guild}`),
    );
    expect(fake.recorder.calls.map(({ method, path, authorized }) => ({ method, path, authorized }))).toEqual(
      [
        {
          method: 'PUT',
          path: `/applications/${IDS.application}/guilds/${IDS.guild}/commands`,
          authorized: true,
        },
      ],
    );
    expect(fake.recorder.calls[0]!.body).toEqual(registryJson());
    expect(fake.state.commands.get(IDS.guild)!.map((command) => command.name)).toEqual(
      commands.map((command) => command.data.name),
    );
  });

  it('GIVEN no --guild THEN it registers every command globally in one bulk overwrite', async () => {
    const result = await runScript('scripts/deploy-commands.ts', [], env());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/globally/);
    expect(fake.recorder.calls.map(({ method, path }) => `${method} ${path}`)).toEqual([
      `PUT /applications/${IDS.application}/commands`,
    ]);
    expect(fake.recorder.calls[0]!.body).toEqual(registryJson());
  });
});
