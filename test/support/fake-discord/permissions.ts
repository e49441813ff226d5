import { PermissionFlagsBits as P } from 'discord-api-types/v10';
import { CHANNELS, MEMBERS, ROLES } from './fixtures.js';
import { IDS } from './ids.js';

const ALL = Object.values(P).reduce((all, bit) => all | bit, 0n);

/**
 * A member's permissions in a channel, computed as Discord does: @everyone and
 * role permissions, Administrator, then @everyone, role and member overwrites.
 */
export const permissionsIn = (userId: string, channelId: string): bigint => {
  const member = MEMBERS.find((candidate) => candidate.user.id === userId);
  const roleIds = [IDS.guild, ...(member?.roles ?? [])];
  let base = ROLES.filter((role) => roleIds.includes(role.id)).reduce(
    (sum, role) => sum | BigInt(role.permissions),
    0n,
  );
  if (base & P.Administrator) return ALL;
  const overwrites = CHANNELS.find((channel) => channel.id === channelId)?.permission_overwrites ?? [];
  const apply = (ids: readonly string[]) => {
    let allow = 0n;
    let deny = 0n;
    for (const overwrite of overwrites.filter((o) => ids.includes(o.id))) {
      allow |= BigInt(overwrite.allow);
      deny |= BigInt(overwrite.deny);
    }
    base = (base & ~deny) | allow;
  };
  apply([IDS.guild]);
  apply(member?.roles ?? []);
  apply([userId]);
  return base;
};

export const botPermissionsIn = (channelId: string): bigint => permissionsIn(IDS.application, channelId);
