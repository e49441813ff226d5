import { UserError } from '../errors.js';
import type { PartyActor } from './access.js';
import { eventSpec } from './events.js';
import { missingChannelPermissions } from './outbox.js';
import { newPartyRecord, withPosted } from './record.js';
import { bucketOf } from './repository.js';
import type { PartyRunner } from './runner.js';
import { viewOf, type PartyView } from './view.js';
import { parseWhen } from './when.js';

export interface StartRequest {
  readonly actor: PartyActor;
  /** The channel the party runs in: the one named, or the one the command came from. */
  readonly channelId: string;
  readonly when?: string;
  readonly roleId?: string;
  readonly event: boolean;
}

export interface StartOutcome {
  readonly view: PartyView;
  readonly startedNow: boolean;
  /** Started now in the command's channel with no one to ping: the reply is the "press play" post. */
  readonly replyIsPost: boolean;
  readonly zone: string;
  /** Things the organiser should know, such as a scheduled event that could not be made. */
  readonly notes: readonly string[];
}

/**
 * A new party in a channel (one per channel): the time read in the server's
 * zone, the bot's permissions there checked first, then saved, armed, and given
 * a scheduled event when wanted and allowed. Starting now, the "press play"
 * post is the reply, or follows at once from the runner (see replyIsPost).
 */
export const startParty = async (
  runner: PartyRunner,
  request: StartRequest,
  zoneOf: (guildId: string | null) => Promise<string>,
): Promise<StartOutcome> => {
  const { actor, channelId } = request;
  const outbox = runner.outbox;
  if (request.roleId && !actor.canManageEvents)
    throw new UserError('Only members with Manage Events can have a watch party ping a role.');
  if (request.roleId && !actor.guildId) throw new UserError('A role can only be pinged in a server channel.');
  if (request.roleId && request.roleId === actor.guildId)
    throw new UserError('Pick a role to ping; watch parties never ping @everyone.');
  const outcome = await runner.lock.run(channelId, async () => {
    const now = runner.deps.clock.now();
    // A partition another process runs: its parties are not in this one's memory, only in the store.
    const elsewhere = !runner.ownership.holds(bucketOf(channelId));
    if (runner.table.get(channelId) ?? (elsewhere ? await runner.table.repo.load(channelId) : undefined))
      throw new UserError(
        'There is already a watch party in that channel. Stop it with /watchparty stop before starting another.',
      );
    const zone = await zoneOf(actor.guildId);
    const startsAt = parseWhen(request.when, { now, zone });
    const permissions = await outbox.channelPermissions(channelId);
    const missing = missingChannelPermissions(permissions);
    if (missing.length > 0)
      throw new UserError(
        `I can't run a watch party in that channel: I need the ${missing.join(', ')} permission${missing.length > 1 ? 's' : ''} there.`,
      );
    const pack = runner.deps.films.forGuild(actor.guildId);
    const startedNow = startsAt <= now;
    let record = newPartyRecord({
      guildId: actor.guildId,
      channelId,
      filmId: pack.film.id,
      organiserId: actor.userId,
      now,
      startsAt,
      roleId: request.roleId ?? null,
    });
    // Starting now in this very channel with no one to ping, the command's reply is the "press play"
    // post. Anywhere else, or with a role to ping, the runner posts it in the party's channel as a
    // new message: a reply would land in the wrong channel, and mentions added to an edited
    // (deferred) reply notify nobody.
    const replyIsPost = startedNow && channelId === actor.channelId && !request.roleId;
    if (replyIsPost) record = { ...withPosted(record, ['reminder', 'start']), phase: 'running' };
    await runner.commit(record, now);
    const notes: string[] = [];
    if (request.event && actor.guildId) {
      if (!permissions?.manageEvents)
        notes.push('No server event for this party: I need the Manage Events permission to create one.');
      else {
        const spec = eventSpec(record, pack, now);
        const created = await outbox.createEvent(actor.guildId, channelId, spec);
        if (created.ok) {
          record = {
            ...record,
            event: {
              id: created.id,
              status: 'scheduled',
              startAt: spec.startAt,
              endAt: spec.endAt,
              dirty: false,
              lastEditAt: now,
            },
          };
          await runner.commit(record, now);
          if (replyIsPost) record = await runner.events.flush(record, now);
        } else notes.push("I couldn't create the server event for this party; the party itself is on.");
      }
    }
    // Saved and in the index: the process whose partition it is picks it up at its next lease renewal.
    if (!runner.owns(record)) runner.table.forget(channelId);
    return { view: viewOf(record, runner.packOf(record), now), startedNow, replyIsPost, zone, notes };
  });
  return outcome;
};
