import MiniSearch, { type SearchResult } from 'minisearch';
import { entityName, type Fact, type Pack } from '../story/pack.js';
import type { Lexicon } from './lexicon.js';
import { words } from './text.js';

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
  private readonly phrasings = new Map<string, Set<string>[]>();
  private readonly documentFrequency = new Map<string, number>();
  readonly vocabulary = new Set<string>();

  constructor(
    pack: Pack,
    fields: { ask: number; text: number; names: number },
    private readonly lexicon: Lexicon,
  ) {
    this.search = new MiniSearch<FactDocument>({
      fields: ['text', 'ask', 'names'],
      tokenize: (text) => words(text),
      processTerm: (term) => lexicon.term(term),
      searchOptions: {
        boost: { ...fields },
        // Typos only in longer words the pack doesn't use as typed: a fuzzy "car" would
        // find "carer", and fuzzy search is most of the cost of a query.
        fuzzy: (term) =>
          this.vocabulary.has(term) ? false : term.length >= 6 ? 0.2 : term.length >= 5 ? 1 : false,
        prefix: (term) => term.length >= 5 && !this.vocabulary.has(term),
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
    for (const document of documents) {
      const terms = new Set(this.lexicon.terms(`${document.text} ${document.ask} ${document.names}`));
      for (const term of terms) {
        this.vocabulary.add(term);
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      }
    }
    for (const fact of pack.facts)
      this.phrasings.set(
        fact.id,
        fact.ask.map((ask) => new Set(this.lexicon.terms(ask))),
      );
  }

  /** How many facts use a term: rare terms are the specific part of a question. */
  frequency(term: string): number {
    return this.documentFrequency.get(term) ?? 0;
  }

  /**
   * How closely the question matches one of the ways people ask for the fact
   * (Jaccard over search terms): question-to-question similarity catches
   * paraphrases that BM25 over the fact's own wording ranks too low.
   */
  similarity(fact: Fact, question: ReadonlySet<string>): number {
    let best = 0;
    for (const ask of this.phrasings.get(fact.id) ?? []) {
      let shared = 0;
      for (const term of question) if (ask.has(term)) shared += 1;
      const union = ask.size + question.size - shared;
      if (union > 0) best = Math.max(best, shared / union);
    }
    return best;
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
