import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../src/answer/lexicon.js';
import { bundledPack, fixturePack } from '../support/pack.js';

describe('Lexicon', () => {
  it('GIVEN only the generic groups THEN plain English synonyms fold and stopwords drop', () => {
    const lexicon = new Lexicon();
    expect(lexicon.terms('Who directed the movie?')).toEqual(['direct']);
    expect(lexicon.term('sacked')).toBe(lexicon.term('dismissed'));
    expect(lexicon.term('completes')).toBe('complet'); // a film's euphemism, not English
  });

  it("GIVEN a film's lexicon.json THEN its words join the generic group they share a word with", async () => {
    const lexicon = new Lexicon((await bundledPack()).lexicon);
    expect(lexicon.term('completes')).toBe(lexicon.term('died'));
    expect(lexicon.term('wristband')).toBe(lexicon.term('bracelets'));
  });

  it('GIVEN a pack without lexicon.json THEN it loads with no film synonyms', async () => {
    expect((await fixturePack()).lexicon).toEqual([]);
  });
});
