import type { FilmLibrary } from '../story/library.js';
import type { Pack } from '../story/pack.js';
import { AnswerEngine } from './engine.js';

/** One engine per film, all built at start-up so the first question is as fast as the rest. */
export const buildAnswerEngines = (library: FilmLibrary): ((pack: Pack) => AnswerEngine) => {
  const engines = new Map(library.films.map((pack) => [pack, new AnswerEngine(pack)]));
  return (pack) => {
    let engine = engines.get(pack);
    if (!engine) engines.set(pack, (engine = new AnswerEngine(pack)));
    return engine;
  };
};
