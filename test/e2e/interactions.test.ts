import { ApplicationCommandOptionType, ComponentType, InteractionType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS } from '../support/fake-discord/index.js';
import { asSent, consoleFor } from './support/offline.js';
import { PROBES } from './support/probe-commands.js';
import { errorsIn, startE2E, type E2E } from './support/harness.js';

describe('autocomplete, buttons and nested options through discord.js', () => {
  let e2e: E2E;
  let offline: Awaited<ReturnType<typeof consoleFor>>;
  beforeAll(async () => {
    e2e = await startE2E({ registry: PROBES });
    offline = await consoleFor(PROBES);
  });
  afterAll(async () => {
    await offline?.session.close();
    await e2e?.close();
  });

  it('GIVEN a user typing "t" in an autocomplete option THEN Discord receives the suggestions :complete shows', async () => {
    const pending = e2e.fake.autocomplete('/echo times:2 text:t');
    const option = (
      pending.record.payload.data as { options: { name: string; focused?: boolean; value: unknown }[] }
    ).options;
    expect(pending.record.payload.type).toBe(InteractionType.ApplicationCommandAutocomplete);
    expect(option).toEqual([
      { name: 'times', type: ApplicationCommandOptionType.Integer, value: 2 },
      { name: 'text', type: ApplicationCommandOptionType.String, value: 't', focused: true },
    ]);
    const choices = await pending.choices();
    expect(choices).toEqual([{ name: 'Say "tommy"', value: 'tommy' }]);
    expect(choices).toEqual((await offline.step(':complete /echo times:2 text:t')).choices);
  });

  it('GIVEN a reply with a button WHEN the user presses it THEN the press is answered as :click answers it', async () => {
    const answer = await e2e.fake.command('/echo text:hello times:2').answer();
    expect(answer).toEqual((await offline.step('/echo text:hello times:2')).replies.map(asSent));
    const button = answer[0]!.components[0]!;
    expect(button).toMatchObject({
      type: ComponentType.ActionRow,
      components: [{ custom_id: 'echo:v1:again:2' }],
    });

    const press = e2e.fake.click('echo:v1:again:2');
    expect(press.record.payload).toMatchObject({
      type: InteractionType.MessageComponent,
      data: { custom_id: 'echo:v1:again:2', component_type: ComponentType.Button },
      message: { id: expect.any(String), channel_id: IDS.general },
    });
    const pressed = await press.answer();
    expect(pressed).toEqual([
      { content: 'console pressed again 2', embeds: [], components: [], ephemeral: true },
    ]);
    expect(pressed).toEqual((await offline.step(':click echo:v1:again:2')).replies.map(asSent));
  });

  it('GIVEN a subcommand group with user, channel and boolean options THEN the bot reads them as the console does', async () => {
    const line = `/settings film set title:Never Let Me Go who:<@${IDS.viewer}> where:<#${IDS.general}> loud:yes`;
    const pending = e2e.fake.command(line);
    expect(pending.record.payload.data).toMatchObject({
      options: [
        {
          name: 'film',
          type: ApplicationCommandOptionType.SubcommandGroup,
          options: [
            { name: 'set', type: ApplicationCommandOptionType.Subcommand, options: expect.any(Array) },
          ],
        },
      ],
      resolved: {
        users: { [IDS.viewer]: { id: IDS.viewer } },
        channels: { [IDS.general]: { id: IDS.general } },
      },
    });
    const answer = await pending.answer();
    expect(answer[0]!.content).toContain(`"who":"${IDS.viewer}"`);
    expect(answer[0]!.content).toContain('"loud":true');
    expect(answer).toEqual((await offline.step(line)).replies.map(asSent));
  });

  it('GIVEN interactions from several members THEN none of them is kept in the caches, only the bot', async () => {
    await e2e.fake.command('/echo text:hi', { userId: IDS.viewer }).answer();
    await e2e.fake.command('/echo text:hi', { userId: IDS.organiser }).answer();
    const { client } = e2e.bot;
    expect([...client.users.cache.keys()]).toEqual([IDS.application]);
    expect([...client.guilds.cache.get(IDS.guild)!.members.cache.keys()]).toEqual([IDS.application]);
  });

  it('GIVEN all of the above THEN nothing was logged at error level', () => {
    expect(errorsIn(e2e.logs)).toEqual([]);
    expect(e2e.fake.bugs).toEqual([]);
  });
});
