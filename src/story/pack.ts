import type { CharacterEntry, FilmFile, GlossaryEntry, PlaceEntry } from './schema.js';

/** A story pack as the bot uses it: times in seconds, references resolved. */
export interface Pack {
  readonly film: Film;
  readonly characters: readonly Character[];
  readonly places: readonly Place[];
  readonly glossary: readonly GlossaryItem[];
  readonly chapters: readonly Chapter[];
  readonly beats: readonly Beat[];
  readonly facts: readonly Fact[];
  readonly checkpoints: readonly Checkpoint[];
  /** The film's own synonyms (lexicon.json), for matching how people ask. */
  readonly lexicon: readonly (readonly string[])[];
  entity(id: string): Entity | undefined;
  chapterAt(seconds: number): Chapter;
}

export interface Film extends Omit<FilmFile, '$schema'> {
  readonly runtimeSeconds: number;
}

export type Character = Omit<CharacterEntry, 'introducedAt'> & {
  readonly kind: 'character';
  readonly introducedAt: Beat;
};
export type Place = Omit<PlaceEntry, 'introducedAt'> & {
  readonly kind: 'place';
  readonly introducedAt: Beat;
};
export type GlossaryItem = Omit<GlossaryEntry, 'kind' | 'introducedAt'> & {
  readonly kind: 'term' | 'object';
  readonly introducedAt: Beat;
};
export type Entity = Character | Place | GlossaryItem;

export const entityName = (entity: Entity): string => ('term' in entity ? entity.term : entity.name);

export interface Chapter {
  readonly id: string;
  readonly title: string;
  readonly caption: string | null;
  readonly aliases: readonly string[];
  readonly start: number;
  readonly end: number;
}

export interface Beat {
  readonly id: string;
  /** Position in film order, from 0. */
  readonly index: number;
  readonly chapter: Chapter;
  readonly at: number;
  /** When the next beat starts, or the chapter ends: the beat is seen once the viewer is here. */
  readonly end: number;
  readonly summary: string;
  readonly characters: readonly string[];
  readonly place: string | null;
}

export interface Fact {
  readonly id: string;
  readonly text: string;
  readonly kind: 'plot' | 'film';
  /** null for film facts, which are never spoilers. */
  readonly learnedAt: Beat | null;
  readonly about: readonly string[];
  readonly ask: readonly string[];
  readonly sources: readonly string[];
  readonly caveat?: string;
}

export interface Checkpoint {
  readonly id: string;
  readonly kind: 'chapter-end' | 'pause' | 'finale';
  readonly afterBeat: Beat;
  /** Film time at which the prompt is due: the end of afterBeat. */
  readonly at: number;
  readonly chapter: Chapter;
  readonly title: string;
  readonly recap: string;
  readonly questions: readonly string[];
}

/** The film time from which a viewer knows the fact; 0 for film facts. */
export const revealedAt = (fact: Fact): number => fact.learnedAt?.end ?? 0;

export const isKnownAt = (fact: Fact, position: number): boolean => revealedAt(fact) <= position;
