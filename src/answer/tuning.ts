/** The weights behind ranking, measured with `npm run bench:qa`; exposed so they can be re-measured. */
export interface Tuning {
  readonly fields: { readonly ask: number; readonly text: number; readonly names: number };
  /** Facts scoring at least this share of the best one join the answer. */
  readonly closeScore: number;
  /** The same for credits, which come in pairs ("year and director?"). */
  readonly closeCreditScore: number;
  /** For a credit when the question names a character: it wants the story. */
  readonly creditWhenNamed: number;
  /** For a fact about a place, when the question asks where. */
  readonly placeBoost: number;
  /** Per named entity a fact is about (up to two), and for a fact about none of them. */
  readonly namedBoost: number;
  readonly unnamedPenalty: number;
  readonly chapterBoost: number;
  readonly cueBoost: number;
  /** For a fact about the person whose words are asked for ("what did Miss Emily tell them"). */
  readonly speakerBoost: number;
  /** Weight of the question's similarity to the fact's own "ask" phrasings. */
  readonly askSimilarity: number;
}

export const DEFAULT_TUNING: Tuning = {
  fields: { ask: 3, text: 1, names: 1.5 },
  closeScore: 0.4,
  closeCreditScore: 0.35,
  creditWhenNamed: 0.3,
  placeBoost: 1.3,
  namedBoost: 0.5,
  unnamedPenalty: 0.8,
  chapterBoost: 1.3,
  cueBoost: 1.3,
  speakerBoost: 2,
  askSimilarity: 4,
};
