import type { AppServices } from '../app/services.js';
import type { Actor } from '../command/context.js';
import { parsePosition } from '../position/parse.js';
import type { Position, PositionSource } from '../position/position.js';
import type { Pack } from '../story/pack.js';
import { StoreUnavailableError } from '../store/store.js';
import { loadProgress } from './progress.js';

export type { PositionSource };

export interface ResolvedPosition {
  readonly position: Position;
  readonly source: PositionSource;
}

/** What the resolvers need; a command context or a button context both fit. */
export interface Asker {
  readonly app: AppServices;
  readonly actor: Actor;
}

/** The asker's saved /progress for this film, if any. */
export const savedPosition = async ({ app, actor }: Asker, pack: Pack): Promise<Position | undefined> =>
  (await loadProgress(app.store, pack, actor.userId))?.position;

/** Where the watch party running in the asker's channel has got to, when parties are wired in. */
export const partyPosition = async ({ app, actor }: Asker): Promise<Position | undefined> =>
  app.parties?.positionInChannel(actor.channelId);

/**
 * How far the asker has watched, for deciding what to hide: the position they
 * typed, else their saved progress, else the channel's running watch party,
 * else the start (everything hidden). A typed position that does not parse
 * is a UserError listing the accepted forms.
 */
export const positionFor = async (
  asker: Asker,
  pack: Pack,
  typed?: string | undefined,
): Promise<ResolvedPosition> => {
  if (typed !== undefined) return { position: parsePosition(typed, pack), source: 'option' };
  // Without the store, fall through to the party or the start: hiding more is the safe way to be wrong.
  const saved = await savedPosition(asker, pack).catch((error: unknown) => {
    if (!(error instanceof StoreUnavailableError)) throw error;
    asker.app.logger.warn(
      { err: error, userId: asker.actor.userId },
      'progress unavailable; position falls back',
    );
    return undefined;
  });
  if (saved) return { position: saved, source: 'progress' };
  const party = await partyPosition(asker);
  if (party) return { position: party, source: 'party' };
  return { position: { seconds: 0 }, source: 'default' };
};
