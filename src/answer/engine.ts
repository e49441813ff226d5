import { distance } from 'fastest-levenshtein';
import { entityName, isKnownAt, revealedAt, type Entity, type Fact, type Pack } from '../story/pack.js';
import { formatFilmTime } from '../story/time.js';
import { castListSentence, castSentence, filmSentence, listWords, roleSentence } from './cast.js';
import { answerTest, coversQuestion } from './confidence.js';
import { isAboutAny, isAfter, withoutWhen } from './after.js';
import { partRecap, sceneRecap, storyAfter } from './story-steps.js';
import { suggestions } from './suggestions.js';
import { DEFAULT_TUNING, type Tuning } from './tuning.js';

export { DEFAULT_TUNING, type Tuning };
import { EntityMatcher, mentionedEntityIds, namedCharacters, type Mention } from './entities.js';
import { FactIndex } from './fact-index.js';
import { Lexicon } from './lexicon.js';
import { dependsOnChat, messageParts } from './chat.js';
import { intentOf, type Intent, type QuestionWord } from './intent.js';
import { normalizeText, words } from './text.js';

/** One sentence of an answer and the film time from which a viewer knows it (0: never a spoiler). */
export interface AnswerItem {
  readonly text: string;
  readonly at: number;
  readonly caveat?: string;
}

/** What the engine found; compose.ts decides what is plain and what is hidden. */
export type Answer =
  | { readonly kind: 'answer'; readonly items: readonly AnswerItem[] }
  | { readonly kind: 'none'; readonly suggestions: readonly string[]; readonly reason?: string };

const MAX_ITEMS = 3;
const CONSEQUENCE = /\bwhat (happens|happened) (when|after|if)\b|\b(ever|end up|then what|what next)\b/;
const RESCORED = 40;

/** Hints in a fact's text that it answers a given kind of question. */
const CUES: Partial<Record<QuestionWord, RegExp>> = {
  why: /\b(because|so that|since|in order|to see|to find|reason|afraid|fear|wanted|hope|hoping|so they|for)\b/i,
  when: /\b(1[89]\d\d|\d+:\d\d|age|aged|after|before|years?|later|when|until|at \d+)\b/i,
  'how-many': /\b(\d+|one|two|three|four|five|ten|twelve|eighteen|hundred|minutes|second|third|fourth)\b/i,
};

const namedPeople = (mentions: readonly Mention[]): string[] => namedCharacters(mentions).map((c) => c.id);

const fromFact = (fact: Fact): AnswerItem => ({
  text: fact.text,
  at: revealedAt(fact),
  ...(fact.caveat ? { caveat: fact.caveat } : {}),
});

/**
 * Answers a question from one film's pack: credits, identities and the chapter
 * list from structured data, the best-matching facts otherwise, or an honest
 * "I don't know". It sees the whole film; hiding what the viewer hasn't reached
 * is compose.ts's job.
 */
export class AnswerEngine {
  private readonly index: FactIndex;
  private readonly matcher: EntityMatcher;
  private readonly lexicon: Lexicon;
  private readonly title: RegExp;
  private readonly knownTerms = new Map<string, boolean>();
  private readonly nameWords: ReadonlySet<string>;

  constructor(
    private readonly pack: Pack,
    private readonly tuning: Tuning = DEFAULT_TUNING,
  ) {
    this.lexicon = new Lexicon(pack.lexicon);
    this.index = new FactIndex(pack, tuning.fields, this.lexicon);
    this.matcher = new EntityMatcher(pack);
    this.nameWords = new Set(
      [...pack.characters, ...pack.places].flatMap((entity) =>
        [entityName(entity), ...entity.aliases].flatMap((name) => words(name)),
      ),
    );
    this.title = new RegExp(
      `\\b${normalizeText(pack.film.title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`,
      'g',
    );
  }

  answer(asked: string, position: number): Answer {
    // "Ngl I cried, how long is it": chat around a question can drown it. The one piece that
    // asks is the question when the chat names no one it needs ("she seems nice, does she stay"
    // needs nothing; "Ruth looks ill, how old is she" needs Ruth). Pieces that ask are tried
    // on their own when the whole message finds nothing.
    const { asking, chat } = messageParts(asked);
    const standsAlone = (piece: string) => !dependsOnChat(piece, this.mentionsIn(piece));
    const only = asking.length === 1 ? asking[0]! : undefined;
    const chatNames = chat.some((piece) => this.mentionsIn(piece).length > 0);
    const tried = new Set<string>();
    if (only && !chatNames && standsAlone(only)) {
      tried.add(only);
      const answer = this.answerOne(only, position);
      if (answer.kind === 'answer') return answer;
    }
    const whole = this.answerOne(asked, position);
    if (whole.kind === 'answer') return whole;
    for (const piece of asking.filter((piece) => !tried.has(piece) && standsAlone(piece))) {
      const answer = this.answerOne(piece, position);
      if (answer.kind === 'answer') return answer;
    }
    return whole;
  }

  private mentionsIn(text: string): Mention[] {
    return this.matcher.find(normalizeText(text).replace(this.title, ' film '));
  }

  private answerOne(asked: string, position: number): Answer {
    // The title names the film, not a fact: "when did Never Let Me Go come out" is not about the song.
    const question = normalizeText(asked).replace(this.title, ' film ');
    const mentions = this.matcher.find(question);
    const leftover = this.askedTerms(question, mentions);
    const intent = intentOf(question, mentions, leftover);
    if (intent.kind === 'cast-of' && intent.characters.every((character) => character.actors.length === 0))
      return {
        kind: 'none',
        // Naming someone the viewer has not met yet would itself be a spoiler.
        reason: intent.characters.every((c) => c.introducedAt.end <= position)
          ? `my notes don't credit an actor for ${listWords(intent.characters.map((c) => c.name))}`
          : "my notes don't credit an actor for that character",
        suggestions: suggestions(this.pack, [], mentions, position),
      };
    const structured = this.structured(intent, question, mentions, position);
    if (structured?.length) return { kind: 'answer', items: structured };
    return this.retrieve(question, mentions, leftover, intent, position);
  }

  /** The best-matching facts that answer the question, with the story's next steps where asked. */
  private retrieve(
    question: string,
    mentions: readonly Mention[],
    leftover: readonly string[],
    intent: Intent,
    position: number,
  ): Answer {
    const questionWord = intent.kind === 'search' ? intent.questionWord : 'other';
    const after = intent.kind === 'search' ? intent.after : undefined;
    const people = namedPeople(mentions);
    const consequence = after !== undefined || CONSEQUENCE.test(question);
    const sought = withoutWhen(question, after);
    const named = sought === question ? mentions : this.matcher.find(sought);
    const askedNow = sought === question ? leftover : this.askedTerms(sought, named);
    const ranked = this.search(sought, named, intent).filter(
      (hit) => !after || isAfter(this.pack, hit.fact, after, people),
    );
    const answersIt = answerTest({
      question,
      questionWord,
      mentions: named,
      asked: askedNow,
      frequency: (t) => this.index.frequency(t),
      isPackName: (word) => this.nameWords.has(word),
      term: (word) => this.lexicon.term(word),
    });
    const found = coversQuestion({ mentions: named, asked: askedNow, knows: (term) => this.knows(term) })
      ? ranked.filter(answersIt)
      : [];
    // "What happens after the beach" asks for nothing but what comes next.
    if (after && found.length === 0 && askedNow.length === 0 && people.length === 0) {
      const next = this.pack.facts
        .filter((fact) => fact.kind === 'plot' && isAfter(this.pack, fact, after, []))
        .sort((a, b) => revealedAt(a) - revealedAt(b))[0];
      if (next) found.push({ fact: next, score: 1, terms: [] });
    }
    const best = found[0];
    if (!best)
      return {
        kind: 'none',
        suggestions: suggestions(
          this.pack,
          ranked.map((hit) => hit.fact),
          mentions,
          position,
        ),
      };
    // Credits and crew questions often come in pairs ("year and director?").
    const threshold = best.fact.kind === 'film' ? this.tuning.closeCreditScore : this.tuning.closeScore;
    const picked = found
      .filter(
        (hit) =>
          hit.score >= best.score * threshold && (best.fact.kind !== 'film' || hit.fact.kind === 'film'),
      )
      .map((hit) => hit.fact);
    // "What becomes of Chrissie after the Cottages" starts from the first thing that follows them.
    if (after) picked.sort((a, b) => revealedAt(a) - revealedAt(b));
    const story = storyAfter(this.pack, picked[0]!, {
      consequence,
      speech: !consequence && leftover.includes('say'),
      keep: (fact) => !after || isAboutAny(fact, people),
    }).filter((fact) => !picked.includes(fact));
    const facts = [picked[0]!, ...story, ...picked.slice(1)];
    return {
      kind: 'answer',
      items: facts
        .slice(0, MAX_ITEMS)
        .sort((a, b) => revealedAt(a) - revealedAt(b))
        .map(fromFact),
    };
  }

  private structured(
    intent: Intent,
    question: string,
    mentions: readonly Mention[],
    position: number,
  ): AnswerItem[] | undefined {
    switch (intent.kind) {
      case 'cast-of':
        return intent.characters.map((character) => ({ text: castSentence(character), at: 0 }));
      case 'role-of':
        return [
          ...intent.credits.map(({ actor, character }) => ({ text: roleSentence(actor, character), at: 0 })),
          ...intent.askedAbout.map((character) => ({ text: castSentence(character), at: 0 })),
        ];
      case 'cast-list':
        return [{ text: castListSentence(this.pack), at: 0 }];
      case 'film-info':
        return [
          { text: filmSentence(this.pack.film), at: 0 },
          { text: this.pack.film.logline, at: 0 },
        ];
      case 'chapter-list':
        return this.pack.chapters.map((chapter, i) => ({
          text: `Part ${i + 1}: ${chapter.caption ? `“${chapter.caption}”` : chapter.title}, from about ${formatFilmTime(chapter.start)}.`,
          at: chapter.start,
        }));
      case 'recap':
        return intent.chapter
          ? partRecap(this.pack, intent.chapter, MAX_ITEMS)
          : sceneRecap(this.pack, undefined, intent.place, MAX_ITEMS);
      case 'identity':
        return this.identity(intent.entity, question, mentions, position);
      case 'search':
        return undefined;
    }
  }

  /**
   * Who or what something is: how the film introduces it, the best fact about it
   * the viewer already knows, and the best one still ahead (compose.ts hides it).
   */
  private identity(
    entity: Entity,
    question: string,
    mentions: readonly Mention[],
    position: number,
  ): AnswerItem[] {
    const intro =
      'role' in entity ? entity.role : 'definition' in entity ? entity.definition : entity.description;
    const items: AnswerItem[] = [{ text: `${entityName(entity)}: ${intro}`, at: entity.introducedAt.end }];
    // Search by the name alone: "explain the carers to me" wants facts about carers, not facts where someone explains.
    const mention = mentions.find((m) => m.type === 'entity' && m.entity === entity);
    const name = mention ? words(question).slice(mention.start, mention.end).join(' ') : entityName(entity);
    const about = this.search(
      name,
      mention ? [{ ...mention, start: 0, end: mention.end - mention.start }] : [],
      {
        kind: 'search',
        questionWord: 'who',
        chapters: [],
      },
    ).filter((hit) => hit.fact.about.includes(entity.id) && hit.fact.kind === 'plot');
    const known = about.filter((hit) => isKnownAt(hit.fact, position));
    const later = about.find((hit) => !isKnownAt(hit.fact, position));
    // A fact that only restates the introduction adds nothing.
    const introTerms = new Set(this.lexicon.terms(intro));
    const fresh = (hit: { fact: Fact }) => {
      const terms = new Set(this.lexicon.terms(hit.fact.text));
      const shared = [...terms].filter((term) => introTerms.has(term)).length;
      return shared / Math.max(1, Math.min(terms.size, introTerms.size)) < 0.6;
    };
    const knownFresh = known.filter(fresh);
    for (const hit of [knownFresh[0], later ?? knownFresh[1]]) if (hit) items.push(fromFact(hit.fact));
    return items;
  }

  private search(question: string, mentions: readonly Mention[], intent: Intent) {
    const named = mentionedEntityIds(mentions);
    const questionWord =
      intent.kind === 'search' || intent.kind === 'identity' ? intent.questionWord : 'other';
    const chapters = new Set(intent.kind === 'search' ? intent.chapters : []);
    const speaker = intent.kind === 'search' ? intent.speaker : undefined;
    const cue = CUES[questionWord];
    const terms = new Set(this.lexicon.terms(question));
    const hits = this.index.query(question, (fact) => {
      let boost = 1;
      if (named.size > 0) {
        // Naming someone narrows the search; it should not outvote the question's other words.
        const overlap = fact.about.filter((id) => named.has(id)).length;
        boost *= overlap > 0 ? 1 + this.tuning.namedBoost * Math.min(overlap, 2) : this.tuning.unnamedPenalty;
        // Credits are answered from the cast list; a question naming a character wants the story.
        if (fact.kind === 'film') boost *= this.tuning.creditWhenNamed;
      }
      if (chapters.size > 0 && fact.learnedAt && chapters.has(fact.learnedAt.chapter))
        boost *= this.tuning.chapterBoost;
      if (cue?.test(fact.text)) boost *= this.tuning.cueBoost;
      // Whose words are asked for: their facts first, without ruling out a loosely matched name.
      if (speaker && fact.about.includes(speaker)) boost *= this.tuning.speakerBoost;
      if (questionWord === 'where' && fact.about.some((id) => this.pack.entity(id)?.kind === 'place'))
        boost *= this.tuning.placeBoost;
      return boost;
    });
    // Only the head of the BM25 list can win; re-scoring the long tail costs time for nothing.
    return hits
      .slice(0, RESCORED)
      .map((hit) => ({
        ...hit,
        score: hit.score * (1 + this.tuning.askSimilarity * this.index.similarity(hit.fact, terms)),
      }))
      .sort((a, b) => b.score - a.score);
  }

  /** The question's own search terms, outside the names it mentions. */
  private askedTerms(question: string, mentions: readonly Mention[]): string[] {
    const typed = words(question);
    const inNames = new Set<number>();
    for (const mention of mentions) for (let i = mention.start; i < mention.end; i += 1) inNames.add(i);
    return typed
      .filter((_, i) => !inNames.has(i))
      .map((word) => this.lexicon.term(word))
      .filter((term): term is string => term !== null);
  }

  /** Whether the pack uses a term, allowing one typo in longer words. Cached: the scan is the slow part. */
  private knows(term: string): boolean {
    let known = this.knownTerms.get(term);
    if (known === undefined) {
      known =
        this.index.vocabulary.has(term) ||
        (term.length >= 5 && [...this.index.vocabulary].some((word) => distance(term, word) <= 1));
      if (this.knownTerms.size < 10_000) this.knownTerms.set(term, known);
    }
    return known;
  }
}
