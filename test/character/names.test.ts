import { beforeAll, describe, expect, it } from 'vitest';
import { findCharacter } from '../../src/character/find.js';
import { matchScore, suggest } from '../../src/character/names.js';
import { UserError } from '../../src/errors.js';
import type { Pack } from '../../src/story/pack.js';
import { bundledPack } from '../support/pack.js';

let pack: Pack;
beforeAll(async () => {
  pack = await bundledPack();
});
const names = (seconds: number, typed: string) => suggest(pack, seconds, typed).map((label) => label.text);

describe('character suggestions', () => {
  it('GIVEN a viewer at the start THEN only names the cast list already gives are suggested', () => {
    const credited = pack.characters.filter((c) => c.actors.length > 0).map((c) => c.name);
    expect(names(0, '')).toEqual(credited);
  });

  it('GIVEN a viewer at the start WHEN they type a spoiler alias THEN nothing is suggested for it', () => {
    for (const typed of ['teacher who got fired', 'fired', 'surgeons', 'lookalike', 'Rodney'])
      expect(names(0, typed)).toEqual([]);
  });

  it('GIVEN a viewer part-way in THEN characters met by then are added, later ones are not', () => {
    const cottages = pack.chapters.find((c) => c.id === 'cottages')!;
    const list = suggest(pack, cottages.end, '').map((label) => label.character);
    expect(list.every((c) => c.actors.length > 0 || c.introducedAt.end <= cottages.end)).toBe(true);
    expect(list.map((c) => c.id)).toContain('rodney');
    expect(list.map((c) => c.id)).not.toContain('surgeons');
  });

  it('GIVEN a viewer at the end THEN aliases are suggested too, with the name they belong to', () => {
    expect(names(pack.film.runtimeSeconds, 'teacher who got')).toEqual([
      'the teacher who got fired (Miss Lucy)',
    ]);
  });

  it.each([
    ['ru', 'Ruth'],
    ['RUTH', 'Ruth'],
    ['ruht', 'Ruth'],
    ['emily', 'Miss Emily'],
    ['kathy', 'Kathy H.'],
    ['Tomy', 'Tommy'],
  ])('GIVEN "%s" typed THEN %s comes first', (typed, expected) => {
    expect(names(0, typed)[0]).toBe(expected);
  });

  it('GIVEN any query THEN there are never more than 25 suggestions', () => {
    expect(suggest(pack, pack.film.runtimeSeconds, '').length).toBeLessThanOrEqual(25);
    // An empty query matches everything, ranked after any real match.
    expect(matchScore('', 'Ruth')).toBeGreaterThan(matchScore('ru', 'Ruth')!);
  });
});

describe('findCharacter', () => {
  it.each(['Ruth', 'ruth', 'Keira Knightley’s character', 'little ruth', 'rut'])(
    'GIVEN "%s" THEN it is Ruth',
    (input) => {
      expect(findCharacter(pack, input, 0).id).toBe('ruth');
    },
  );

  it('GIVEN an unknown name THEN the error offers only close names that are safe to show', () => {
    expect(() => findCharacter(pack, 'Rooth', 0)).toThrow(/Did you mean Ruth/);
    expect(() => findCharacter(pack, 'Rodnee', 0)).toThrow(UserError);
    // Not met yet at the start, so not named.
    expect(() => findCharacter(pack, 'Rodnee', 0)).not.toThrow(/Rodney/);
  });

  it('GIVEN an ambiguous start THEN it asks which, naming safe choices', () => {
    expect(() => findCharacter(pack, 'miss', 0)).toThrow(/Miss Emily or Miss Lucy/);
  });

  it('GIVEN an empty or blank name THEN it asks for one', () => {
    for (const input of ['', '   ', '***'])
      expect(() => findCharacter(pack, input, 0)).toThrow(/Say which character/);
  });

  it('GIVEN markdown and a mass mention THEN the echo cannot ping and stays one short line', () => {
    const message = (() => {
      try {
        findCharacter(pack, '@everyone **x**\n# y'.repeat(10), 0);
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/@\u200beveryone/);
    expect(message).not.toContain('\n');
  });
});
