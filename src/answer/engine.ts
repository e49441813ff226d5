import { distance } from 'fastest-levenshtein';
import { isKnownAt, revealedAt, type Fact, type Pack } from '../story/pack.js';
import { castSentence, roleSentence } from './cast.js';
import { EntityMatcher, mentionedEntityIds, type Mention } from './entities.js';
import { FactIndex } from './fact-index.js';
import { intentOf, type QuestionWord } from './intent.js';
import { searchTerm, words } from './text.js';

/** What the engine found; compose.ts decides what is plain and what is hidden. */
export type Answer =
  | { readonly kind: 'credits'; readonly sentences: readonly string[] }
  | { readonly kind: 'facts'; readonly facts: readonly Fact[] }
  | { readonly kind: 'none'; readonly suggestions: readonly string[] };

const MAX_FACTS = 3;
const CLOSE_SCORE = 0.6;

/** Hints in a fact's text that it answers a given kind of question. */
const CUES: Partial<Record<QuestionWord, RegExp>> = {
  why: /\b(because|so that|since|in order|to see|to find|reason|afraid|fear|wanted|hope|hoping|so they)\b/i,
  when: /\b(1[89]\d\d|\d+:\d\d|age|aged|after|before|years?|later|when|until|at \d+)\b/i,
  'how-many': /\b(\d+|one|two|three|four|five|ten|twelve|eighteen|hundred|minutes)\b/i,
};

/**
 * Answers a question from one film's pack: the credits for cast questions, the
 * best-matching facts otherwise, or an honest "I don't know" with suggestions.
 * It sees the whole film; hiding what the viewer hasn't reached is compose.ts's job.
 */
export class AnswerEngine {
  private readonly index: FactIndex;
  private readonly matcher: EntityMatcher;

  constructor(private readonly pack: Pack) {
    this.index = new FactIndex(pack);
    this.matcher = new EntityMatcher(pack);
  }

  answer(question: string, position: number): Answer {
    const mentions = this.matcher.find(question);
    const intent = intentOf(question, mentions);
    if (intent.kind === 'cast-of') {
      const sentence = castSentence(intent.character);
      if (sentence) return { kind: 'credits', sentences: [sentence] };
    }
    if (intent.kind === 'role-of') {
      const character = intent.character;
      const known = character.introducedAt.end <= position;
      return {
        kind: 'credits',
        sentences: [roleSentence(intent.actor, character), ...(known ? [character.role] : [])],
      };
    }
    const questionWord = intent.kind === 'search' ? intent.questionWord : 'who';
    const found = this.search(question, mentions, questionWord);
    if (found.length === 0 || !this.confident(question, mentions, found[0]!.terms))
      return {
        kind: 'none',
        suggestions: this.suggestions(
          found.map((hit) => hit.fact),
          mentions,
          position,
        ),
      };
    const best = found[0]!.score;
    const picked = found.filter((hit) => hit.score >= best * CLOSE_SCORE).slice(0, MAX_FACTS);
    return {
      kind: 'facts',
      facts: picked.map((hit) => hit.fact).sort((a, b) => revealedAt(a) - revealedAt(b)),
    };
  }

  private search(question: string, mentions: readonly Mention[], questionWord: QuestionWord) {
    const named = mentionedEntityIds(mentions);
    const cue = CUES[questionWord];
    return this.index.query(question, (fact) => {
      let boost = 1;
      if (named.size > 0) {
        const overlap = fact.about.filter((id) => named.has(id)).length;
        boost *= overlap > 0 ? 1 + overlap : 0.35;
        // Credits are answered by intent; a question naming a character wants the story.
        if (fact.kind === 'film') boost *= 0.3;
      }
      if (cue?.test(fact.text)) boost *= 1.3;
      if (questionWord === 'where' && fact.about.some((id) => this.pack.entity(id)?.kind === 'place'))
        boost *= 1.3;
      return boost;
    });
  }

  /**
   * Retrieval always finds something; this decides whether it is an answer.
   * A question whose own words the pack has never used asks about something it
   * does not know ("what car does Kathy drive"), however well the name matched.
   */
  private confident(
    question: string,
    mentions: readonly Mention[],
    matchedTerms: readonly string[],
  ): boolean {
    const typed = words(question);
    const inNames = new Set(mentions.flatMap((mention) => typed.slice(mention.start, mention.end)));
    const asked = typed
      .filter((word) => !inNames.has(word))
      .map(searchTerm)
      .filter((term): term is string => term !== null);
    if (asked.length === 0) return mentions.length > 0 && matchedTerms.length > 0;
    const unknown = asked.filter((term) => !this.knows(term));
    if (unknown.length / asked.length >= 0.5) return false;
    return matchedTerms.length > 0;
  }

  private knows(term: string): boolean {
    if (this.index.vocabulary.has(term)) return true;
    if (term.length < 5) return false;
    for (const known of this.index.vocabulary) if (distance(term, known) <= 1) return true;
    return false;
  }

  /** Up to three questions the pack can answer without spoiling anything at this position. */
  private suggestions(related: readonly Fact[], mentions: readonly Mention[], position: number): string[] {
    const named = mentionedEntityIds(mentions);
    const safe = (fact: Fact) => isKnownAt(fact, position);
    const pool = [
      ...related.filter(safe),
      ...this.pack.facts.filter((fact) => safe(fact) && fact.about.some((id) => named.has(id))),
      ...this.pack.facts.filter((fact) => fact.kind === 'film'),
    ];
    const out = new Set<string>();
    for (const fact of pool) {
      if (out.size >= 3) break;
      const phrasing = fact.ask[0];
      if (phrasing) out.add(phrasing);
    }
    return [...out];
  }
}
