import {
  GuildScheduledEventEntityType as Entity,
  GuildScheduledEventStatus,
  PermissionFlagsBits as P,
  type APIGuildScheduledEvent,
  type RESTPostAPIGuildScheduledEventJSONBody,
} from 'discord-api-types/v10';
import { invalidForm, missingAccess, missingPermissions, notFound } from './errors.js';
import { CHANNELS, guildCreate, MEMBERS, memberPayload, ROLES, USERS } from './fixtures.js';
import { visibleChannel } from './routes-channels.js';
import { IDS, snowflake } from './ids.js';
import { botPermissionsIn } from './permissions.js';
import { ok, route, type Route } from './router.js';
import type { FakeState } from './state.js';

const guildOnly = (id: string) => {
  if (id !== IDS.guild) throw missingAccess();
};

/** A channel the bot can see; Discord answers 404 for unknown ids and 403 for hidden ones. */
const checkEvent = (body: Partial<RESTPostAPIGuildScheduledEventJSONBody>, creating: boolean) => {
  const problems: { path: string; code: string; message: string }[] = [];
  if (creating || body.name !== undefined)
    if (!body.name || body.name.length > 100)
      problems.push({
        path: 'name',
        code: 'BASE_TYPE_BAD_LENGTH',
        message: 'Must be between 1 and 100 in length.',
      });
  if ((body.description?.length ?? 0) > 1000)
    problems.push({
      path: 'description',
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'Must be 1000 or fewer in length.',
    });
  if (body.entity_type === Entity.External && (!body.entity_metadata?.location || !body.scheduled_end_time))
    problems.push({
      path: 'entity_metadata.location',
      code: 'BASE_TYPE_REQUIRED',
      message: 'This field is required',
    });
  if ((body.entity_type === Entity.Voice || body.entity_type === Entity.StageInstance) && !body.channel_id)
    problems.push({ path: 'channel_id', code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
  // Discord also refuses a start time in the past; the fake does not, since tests run on a simulated clock.
  if (problems.length > 0) throw invalidForm(problems);
  if (body.channel_id) visibleChannel(body.channel_id);
};

export const guildRoutes = (state: FakeState): Route[] => {
  const event = (guildId: string, eventId: string) => {
    guildOnly(guildId);
    const found = state.scheduledEvents.get(eventId);
    if (!found) throw notFound('Guild Scheduled Event', 10070);
    return found;
  };
  const manageEvents = () => {
    if (!(botPermissionsIn('') & P.ManageEvents)) throw missingPermissions();
  };
  const changed = <T>(value: T) => {
    state.changed();
    return value;
  };

  return [
    route('GET', '/guilds/:guild', ({ params }) => {
      guildOnly(params.guild!);
      const {
        channels: _c,
        members: _m,
        voice_states: _v,
        threads: _t,
        presences: _p,
        ...guild
      } = guildCreate();
      return ok(guild);
    }),
    route('GET', '/guilds/:guild/channels', ({ params }) => (guildOnly(params.guild!), ok(CHANNELS))),
    route('GET', '/guilds/:guild/roles', ({ params }) => (guildOnly(params.guild!), ok(ROLES))),
    route('GET', '/guilds/:guild/members/:user', ({ params }) => {
      guildOnly(params.guild!);
      const member = MEMBERS.find((candidate) => candidate.user.id === params.user);
      if (!member) throw notFound('Member', 10007);
      return ok(memberPayload(member));
    }),
    route('GET', '/guilds/:guild/scheduled-events', ({ params }) => {
      guildOnly(params.guild!);
      return ok([...state.scheduledEvents.values()]);
    }),
    route('GET', '/guilds/:guild/scheduled-events/:event', ({ params }) =>
      ok(event(params.guild!, params.event!)),
    ),
    route('POST', '/guilds/:guild/scheduled-events', ({ params, body }) => {
      guildOnly(params.guild!);
      manageEvents();
      const request = body as RESTPostAPIGuildScheduledEventJSONBody;
      checkEvent(request, true);
      const created = {
        id: snowflake(),
        guild_id: IDS.guild,
        channel_id: request.channel_id ?? null,
        creator_id: IDS.application,
        creator: USERS.bot,
        name: request.name,
        description: request.description ?? null,
        scheduled_start_time: request.scheduled_start_time,
        scheduled_end_time: request.scheduled_end_time ?? null,
        privacy_level: request.privacy_level,
        status: GuildScheduledEventStatus.Scheduled,
        entity_type: request.entity_type,
        entity_id: null,
        entity_metadata: request.entity_metadata ?? null,
        user_count: 0,
        image: null,
        recurrence_rule: null,
      } as APIGuildScheduledEvent;
      state.scheduledEvents.set(created.id, created);
      return changed(ok(created));
    }),
    route('PATCH', '/guilds/:guild/scheduled-events/:event', ({ params, body }) => {
      const found = event(params.guild!, params.event!);
      manageEvents();
      const patch = body as Partial<RESTPostAPIGuildScheduledEventJSONBody> & {
        status?: GuildScheduledEventStatus;
      };
      checkEvent({ ...found, ...patch } as Partial<RESTPostAPIGuildScheduledEventJSONBody>, false);
      Object.assign(found, patch);
      return changed(ok(found));
    }),
    route('DELETE', '/guilds/:guild/scheduled-events/:event', ({ params }) => {
      event(params.guild!, params.event!);
      manageEvents();
      state.scheduledEvents.delete(params.event!);
      return changed(ok());
    }),
  ];
};
