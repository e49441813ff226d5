import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/story/issues.js';
import { loadPack, validatePack } from '../../src/story/load.js';
import { bundledPackDir, fixturePackDir } from '../support/paths.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const copies: string[] = [];
afterEach(async () => {
  await Promise.all(copies.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Copies a pack, applies one breakage to one file, and returns the problems found as printed lines. */
const breakPack = async (
  file: string,
  mutate: (json: Json) => void,
  source = bundledPackDir,
): Promise<string[]> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'pack-'));
  copies.push(dir);
  await cp(source, dir, { recursive: true });
  const json = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Json;
  mutate(json);
  await writeFile(path.join(dir, file), JSON.stringify(json));
  return (await validatePack(dir, 'pack')).map(formatIssue);
};

describe('story pack validation', () => {
  it('GIVEN the bundled pack and the fixture film THEN both load without problems', async () => {
    expect(await validatePack(bundledPackDir)).toEqual([]);
    expect(await validatePack(fixturePackDir)).toEqual([]);
    expect((await loadPack(bundledPackDir)).film.title).toBe('Never Let Me Go');
  });

  it('GIVEN a fact pointing at a missing beat THEN the file, path and beat are named', async () => {
    let index = -1;
    const issues = await breakPack('facts.json', (j) => {
      index = j.facts.findIndex((f: Json) => f.kind === 'plot');
      j.facts[index].learnedAt = 'no-such-beat';
    });
    expect(issues).toEqual([
      `pack/facts.json $.facts[${index}].learnedAt: refers to beat "no-such-beat", which is not in beats.json`,
    ]);
  });

  it('GIVEN two facts with one id THEN the duplicate points at the first', async () => {
    const issues = await breakPack('facts.json', (j) => (j.facts[5].id = j.facts[2].id));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(
      /^pack\/facts\.json \$\.facts\[5\]\.id: id "[a-z0-9-]+" is already used at facts\.json \$\.facts\[2\]$/,
    );
  });

  it('GIVEN beats out of film order THEN the late one is reported', async () => {
    const issues = await breakPack('beats.json', (j) => {
      const target = j.beats.findIndex(
        (b: Json, i: number) =>
          i > 0 && b.chapter === j.beats[i - 1].chapter && b.approxAt !== j.beats[i - 1].approxAt,
      );
      [j.beats[target - 1].approxAt, j.beats[target].approxAt] = [
        j.beats[target].approxAt,
        j.beats[target - 1].approxAt,
      ];
    });
    expect(issues.some((line) => /beats must be in film order/.test(line))).toBe(true);
  });

  it('GIVEN a chapter running past the runtime THEN the runtime is named', async () => {
    const issues = await breakPack('chapters.json', (j) => (j.chapters.at(-1).approxEnd = '1:50'));
    expect(issues).toContain(
      "pack/chapters.json $.chapters[3].approxEnd: ends at 1:50, past the film's runtime of 1:43",
    );
  });

  it("GIVEN a malformed time and a missing field THEN zod's findings carry the JSON path", async () => {
    const issues = await breakPack('beats.json', (j) => {
      j.beats[0].approxAt = '5 minutes';
      delete j.beats[1].summary;
    });
    expect(issues).toContain(
      'pack/beats.json $.beats[0].approxAt: a film time is written H:MM, for example "0:45" or "1:05"',
    );
    expect(issues.some((line) => line.startsWith('pack/beats.json $.beats[1].summary:'))).toBe(true);
  });

  it('GIVEN a plot fact with no beat or a film fact with one THEN the rule is explained', async () => {
    const issues = await breakPack('facts.json', (j) => {
      const plot = j.facts.findIndex((f: Json) => f.kind === 'plot');
      const film = j.facts.findIndex((f: Json) => f.kind === 'film');
      j.facts[plot].learnedAt = null;
      j.facts[film].learnedAt = j.facts[plot + 1].learnedAt ?? 'x';
    });
    expect(issues.some((line) => /a plot fact needs the beat/.test(line))).toBe(true);
    expect(issues.some((line) => /never a spoiler, so learnedAt must be null/.test(line))).toBe(true);
  });

  it('GIVEN an unknown entity, an unknown key and invalid JSON THEN each is reported', async () => {
    expect(await breakPack('facts.json', (j) => (j.facts[0].about = ['nobody']))).toEqual([
      'pack/facts.json $.facts[0].about[0]: refers to "nobody", which is no character, place or glossary entry',
    ]);
    expect((await breakPack('film.json', (j) => (j.directorr = 'x'))).join()).toMatch(
      /pack\/film\.json \$: Unrecognized key/,
    );
    const dir = await mkdtemp(path.join(tmpdir(), 'pack-'));
    copies.push(dir);
    await cp(fixturePackDir, dir, { recursive: true });
    await writeFile(path.join(dir, 'places.json'), '{ not json');
    await rm(path.join(dir, 'glossary.json'));
    const lines = (await validatePack(dir, 'pack')).map(formatIssue);
    expect(lines).toContain('pack/glossary.json $: file is missing');
    expect(lines.some((line) => line.startsWith('pack/places.json $: is not valid JSON'))).toBe(true);
  });

  it('GIVEN checkpoints out of order or a finale before the end THEN both are caught', async () => {
    const issues = await breakPack('checkpoints.json', (j) => j.checkpoints.reverse());
    expect(issues.some((line) => /checkpoints must be in film order/.test(line))).toBe(true);
    expect(issues.some((line) => /the finale must be the last checkpoint/.test(line))).toBe(true);
  });
});
