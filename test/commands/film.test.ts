import { describe, expect, it } from 'vitest';
import { consoleSession } from '../support/console.js';

describe('/film', () => {
  it('GIVEN the bundled film THEN the card shows metadata, cast and chapters and nothing later', async () => {
    const { run } = await consoleSession();
    const [step] = await run('/film');
    const embed = step!.replies[0]!.embeds[0]!;
    expect(embed.title).toBe('Never Let Me Go (2010)');
    const fields = Object.fromEntries((embed.fields ?? []).map((field) => [field.name, field.value]));
    expect(fields.Director).toBe('Mark Romanek');
    expect(fields.Screenplay).toBe('Alex Garland');
    expect(fields.Runtime).toBe('103 min');
    expect(fields['Based on']).toMatch(/Kazuo Ishiguro/);
    expect(fields.Cast).toMatch(/Carey Mulligan/);
    expect(fields.Cast).toMatch(/Isobel Meikle\\?-Small/);
    expect(fields['Chapters (times approximate)']).toMatch(/Hailsham/);
    const everything = JSON.stringify(embed).toLowerCase();
    for (const spoiler of ['clone', 'organ', 'dies', 'deferral', 'complete their', 'liver'])
      expect(everything).not.toContain(spoiler);
  });

  it('GIVEN a second film as default THEN /film describes that film', async () => {
    const { fixtureFilmsDir } = await import('../support/paths.js');
    const { run } = await consoleSession({ FILMS_DIR: fixtureFilmsDir, DEFAULT_FILM: 'night-ferry' });
    const [step] = await run('/film');
    expect(step!.replies[0]!.embeds[0]!.title).toBe('The Night Ferry (2019)');
  });
});

describe('/help', () => {
  it('GIVEN /help THEN every command is listed with the position forms, privately', async () => {
    const { run } = await consoleSession();
    const [step] = await run('/help');
    const reply = step!.replies[0]!;
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('/film');
    expect(reply.content).toContain('/help');
    expect(reply.content).toContain('1:05:00');
  });
});
