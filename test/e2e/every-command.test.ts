import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { consoleSession } from '../support/console.js';
import { AUTOCOMPLETE_SAMPLES, SAMPLES } from './samples.js';
import { errorsIn, startE2E, type E2E } from './support/harness.js';
import { asSent } from './support/offline.js';

/** Whether a command's definition has an option with autocomplete, at any depth. */
const hasAutocomplete = (options: readonly unknown[] = []): boolean =>
  (options as { autocomplete?: boolean; options?: unknown[] }[]).some(
    (option) => option.autocomplete === true || hasAutocomplete(option.options),
  );

const buttonsOf = (messages: readonly { components: readonly unknown[] }[]) =>
  messages.flatMap((message) =>
    (message.components as { components?: { custom_id?: string }[] }[]).flatMap((row) =>
      (row.components ?? []).flatMap((button) => (button.custom_id ? [button.custom_id] : [])),
    ),
  );

describe('every command through discord.js and the fake Discord', () => {
  let e2e: E2E;
  let offline: Awaited<ReturnType<typeof consoleSession>>;
  beforeAll(async () => {
    e2e = await startE2E();
    offline = await consoleSession();
  });
  afterAll(async () => {
    await offline?.session.close();
    await e2e?.close();
  });

  it('GIVEN the registry THEN every command has a sample input in test/e2e/samples.ts', () => {
    const missing = commands.map((command) => command.data.name).filter((name) => !SAMPLES[name]?.length);
    expect(
      missing,
      `add a sample input for ${missing.map((name) => `/${name}`).join(', ')} to SAMPLES in test/e2e/samples.ts`,
    ).toEqual([]);
  });

  it('GIVEN the registry THEN every command with autocomplete has an autocomplete sample', () => {
    const missing = commands
      .filter((command) => hasAutocomplete(command.data.toJSON().options))
      .map((command) => command.data.name)
      .filter((name) => !AUTOCOMPLETE_SAMPLES[name]?.length);
    expect(
      missing,
      `add a partial input for ${missing.map((name) => `/${name}`).join(', ')} to AUTOCOMPLETE_SAMPLES in test/e2e/samples.ts`,
    ).toEqual([]);
  });

  const lines = commands.flatMap((command) => SAMPLES[command.data.name] ?? []);
  it.each(lines)(
    'GIVEN "%s" WHEN sent on Discord THEN the answer is what the console shows',
    async (line) => {
      const [step] = await offline.run(line);
      expect(step!.error, `the console refused "${line}"`).toBeUndefined();
      const answer = await e2e.fake.command(line).answer();
      expect(answer).toEqual(step!.replies.map(asSent));

      // Each button in the answer, pressed on Discord, does what :click does in the console.
      for (const id of buttonsOf(answer)) {
        const [clicked] = await offline.run(`:click ${id}`);
        expect(await e2e.fake.click(id).answer()).toEqual(clicked!.replies.map(asSent));
      }
      expect(errorsIn(e2e.logs)).toEqual([]);
    },
  );

  const partials = commands.flatMap((command) => AUTOCOMPLETE_SAMPLES[command.data.name] ?? []);
  it.each(partials)('GIVEN "%s" being typed THEN the suggestions are what :complete shows', async (line) => {
    const [step] = await offline.run(`:complete ${line}`);
    expect(step!.error, `the console refused ":complete ${line}"`).toBeUndefined();
    expect(await e2e.fake.autocomplete(line).choices()).toEqual(step!.choices);
  });

  it('GIVEN every answer so far THEN each message went out with allowed_mentions parse []', () => {
    const sent = e2e.fake.recorder
      .find({ method: 'POST', path: /^\/(interactions\/.*\/callback|webhooks\/.*|channels\/\d+\/messages)$/ })
      .map(
        (call) =>
          call.body as { data?: { allowed_mentions?: unknown }; allowed_mentions?: unknown; type?: number },
      )
      .filter((body) => body.type === undefined || body.type === 4)
      .map((body) => body.data?.allowed_mentions ?? body.allowed_mentions);
    expect(sent.length).toBeGreaterThan(0);
    for (const mentions of sent) expect(mentions).toMatchObject({ parse: [] });
  });
});
