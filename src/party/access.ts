import type { PartyRecord } from './record.js';

/** Who is asking, as far as watch parties care. A command's Actor fits. */
export interface PartyActor {
  readonly userId: string;
  readonly guildId: string | null;
  readonly channelId: string;
  /** Manage Events: the server permission for organising events. */
  readonly canManageEvents: boolean;
}

export const CONTROL_REFUSAL =
  'Only the person who started this watch party, or members with Manage Events, can pause, resume, sync or stop it.';

/** Members with Manage Events, and whoever started the party. */
export const canControl = (record: PartyRecord, actor: PartyActor): boolean =>
  actor.canManageEvents || actor.userId === record.organiserId;
