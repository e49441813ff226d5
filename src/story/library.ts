import path from 'node:path';
import { ConfigError } from '../errors.js';
import { listPackDirs, loadPack } from './load.js';
import type { Pack } from './pack.js';

/** The films the bot knows, loaded once at start-up. */
export interface FilmLibrary {
  readonly films: readonly Pack[];
  readonly default: Pack;
  get(id: string): Pack | undefined;
  /** The film a server is watching. Every server gets the default film until clubs can pick one. */
  forGuild(guildId: string | null): Pack;
}

export const libraryOf = (films: readonly Pack[], defaultId: string): FilmLibrary => {
  const byId = new Map(films.map((pack) => [pack.film.id, pack]));
  const fallback = byId.get(defaultId);
  if (!fallback)
    throw new ConfigError(
      `DEFAULT_FILM is "${defaultId}", but the films loaded are: ${[...byId.keys()].join(', ') || 'none'}.`,
    );
  return {
    films,
    default: fallback,
    get: (id) => byId.get(id),
    forGuild: () => fallback,
  };
};

export const loadLibrary = async (filmsDir: string, defaultId: string): Promise<FilmLibrary> => {
  const dirs = (await listPackDirs(filmsDir)).filter((dir) => path.basename(dir) !== 'schema');
  return libraryOf(await Promise.all(dirs.map(loadPack)), defaultId);
};
