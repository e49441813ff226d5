import MiniSearch, { type SearchResult } from 'minisearch';
import { entityName, type Fact, type Pack } from '../story/pack.js';
import { searchTerm, words } from './text.js';

interface FactDocument {
  readonly id: string;
  readonly text: string;
  readonly ask: string;
  readonly names: string;
}

/**
 * BM25 over the pack's facts: their text, the ways people ask for them, and the
 * names and aliases of what they are about. Built once per pack at start-up.
 */
export class FactIndex {
  private readonly search: MiniSearch<FactDocument>;
  private readonly facts = new Map<string, Fact>();
  readonly vocabulary = new Set<string>();

  constructor(pack: Pack) {
    this.search = new MiniSearch<FactDocument>({
      fields: ['text', 'ask', 'names'],
      tokenize: (text) => words(text),
      processTerm: (term) => searchTerm(term),
      searchOptions: {
        boost: { ask: 2, names: 1.5, text: 1 },
        // Typos in longer words only; a fuzzy "car" would find "carer".
        fuzzy: (term) => (term.length >= 6 ? 0.2 : term.length >= 5 ? 1 : false),
        prefix: (term) => term.length >= 5,
        weights: { fuzzy: 0.4, prefix: 0.5 },
        combineWith: 'OR',
      },
    });
    const documents = pack.facts.map((fact) => {
      this.facts.set(fact.id, fact);
      const names = fact.about
        .map((id) => pack.entity(id))
        .flatMap((entity) => (entity ? [entityName(entity), ...entity.aliases] : []));
      return { id: fact.id, text: fact.text, ask: fact.ask.join(' | '), names: names.join(' | ') };
    });
    this.search.addAll(documents);
    for (const document of documents)
      for (const word of words(`${document.text} ${document.ask} ${document.names}`)) {
        const term = searchTerm(word);
        if (term) this.vocabulary.add(term);
      }
  }

  query(
    text: string,
    boostDocument?: (fact: Fact) => number,
  ): { fact: Fact; score: number; terms: string[] }[] {
    const results: SearchResult[] = this.search.search(text, {
      ...(boostDocument ? { boostDocument: (id: string) => boostDocument(this.facts.get(id)!) } : {}),
    });
    return results.map((result) => ({
      fact: this.facts.get(result.id as string)!,
      score: result.score,
      terms: result.queryTerms,
    }));
  }
}
