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

  it('GIVEN chat spelling THEN stretched letters, typos of little words and chat fillers carry no meaning', () => {
    const lexicon = new Lexicon();
    expect(lexicon.terms('whyyy is she sooo angry lmao')).toEqual(lexicon.terms('why is she angry'));
    expect(lexicon.terms('what happend to teh boat')).toEqual(lexicon.terms('what happened to the boat'));
    expect(lexicon.term('handed')).toBe(lexicon.term('gave'));
    // "Holding hands" is not giving.
    expect(lexicon.term('hands')).not.toBe(lexicon.term('gave'));
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
