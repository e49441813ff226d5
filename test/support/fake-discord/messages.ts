import {
  ComponentType,
  MessageFlags,
  MessageType,
  type APIEmbed,
  type APIMessage,
  type APIMessageTopLevelComponent,
  type APIUser,
} from 'discord-api-types/v10';
import { DiscordError, invalidForm } from './errors.js';
import { snowflake } from './ids.js';

/** The fields of a message body the bot sends (create, edit, interaction reply, follow-up). */
export interface MessageBody {
  content?: string | null;
  embeds?: APIEmbed[] | null;
  components?: APIMessageTopLevelComponent[] | null;
  flags?: number | null;
  allowed_mentions?: unknown;
  nonce?: string | number;
  enforce_nonce?: boolean;
}

const embedLength = (embed: APIEmbed) =>
  (embed.title?.length ?? 0) +
  (embed.description?.length ?? 0) +
  (embed.footer?.text.length ?? 0) +
  (embed.author?.name.length ?? 0) +
  (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);

/** Discord's own checks on a message body, so a reply it would refuse fails here too. */
export const validateMessage = (
  body: MessageBody,
  { creating, prefix = '' }: { creating: boolean; prefix?: string },
): void => {
  const problems: { path: string; code: string; message: string }[] = [];
  const tooLong = (path: string, value: string | undefined, max: number) => {
    if (value !== undefined && value.length > max)
      problems.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  };
  tooLong('content', body.content ?? undefined, 2000);
  const embeds = body.embeds ?? [];
  if (embeds.length > 10)
    problems.push({
      path: 'embeds',
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'Must be 10 or fewer in length.',
    });
  embeds.forEach((embed, i) => {
    tooLong(`embeds.${i}.title`, embed.title, 256);
    tooLong(`embeds.${i}.description`, embed.description, 4096);
    tooLong(`embeds.${i}.footer.text`, embed.footer?.text, 2048);
    if ((embed.fields?.length ?? 0) > 25)
      problems.push({
        path: `embeds.${i}.fields`,
        code: 'BASE_TYPE_MAX_LENGTH',
        message: 'Must be 25 or fewer in length.',
      });
    embed.fields?.forEach((field, j) => {
      tooLong(`embeds.${i}.fields.${j}.name`, field.name, 256);
      tooLong(`embeds.${i}.fields.${j}.value`, field.value, 1024);
      if (!field.name || !field.value)
        problems.push({
          path: `embeds.${i}.fields.${j}.value`,
          code: 'BASE_TYPE_REQUIRED',
          message: 'This field is required',
        });
    });
  });
  if (embeds.reduce((sum, embed) => sum + embedLength(embed), 0) > 6000)
    problems.push({
      path: 'embeds',
      code: 'MAX_EMBED_SIZE_EXCEEDED',
      message: 'Embed size exceeds maximum size of 6000',
    });
  const rows = body.components ?? [];
  if (rows.length > 5)
    problems.push({
      path: 'components',
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'Must be 5 or fewer in length.',
    });
  rows.forEach((row, i) => {
    if (row.type !== ComponentType.ActionRow) return;
    if (row.components.length > 5)
      problems.push({
        path: `components.${i}.components`,
        code: 'BASE_TYPE_MAX_LENGTH',
        message: 'Must be 5 or fewer in length.',
      });
    row.components.forEach((component, j) => {
      if (component.type !== ComponentType.Button) return;
      if ('custom_id' in component)
        tooLong(`components.${i}.components.${j}.custom_id`, component.custom_id, 100);
      if ('label' in component) tooLong(`components.${i}.components.${j}.label`, component.label, 80);
    });
  });
  if (problems.length > 0)
    throw invalidForm(problems.map((problem) => ({ ...problem, path: prefix + problem.path })));
  if (creating && !body.content && embeds.length === 0 && rows.length === 0)
    throw new DiscordError(400, 50006, 'Cannot send an empty message');
};

/** A stored message, as Discord would return it from a create. */
export const createMessage = (
  body: MessageBody,
  {
    channelId,
    guildId,
    author,
    type = MessageType.Default,
    applicationId,
    extraFlags = 0,
  }: {
    channelId: string;
    guildId?: string;
    author: APIUser;
    type?: MessageType;
    applicationId?: string;
    extraFlags?: number;
  },
): APIMessage & { guild_id?: string } => ({
  id: snowflake(),
  channel_id: channelId,
  ...(guildId ? { guild_id: guildId } : {}),
  author,
  content: body.content ?? '',
  timestamp: new Date().toISOString(),
  edited_timestamp: null,
  tts: false,
  mention_everyone: false,
  mentions: [],
  mention_roles: [],
  attachments: [],
  embeds: (body.embeds ?? []).map((embed) => ({ type: 'rich' as APIEmbed['type'], ...embed })),
  pinned: false,
  type,
  flags: (((body.flags ?? 0) & MessageFlags.Ephemeral) | extraFlags) as MessageFlags,
  components: body.components ?? [],
  ...(body.nonce !== undefined ? { nonce: body.nonce } : {}),
  ...(applicationId ? { application_id: applicationId, webhook_id: applicationId } : {}),
});

/** An edit: fields present in the body replace the stored ones; absent ones are kept. */
export const editMessage = (message: APIMessage, body: MessageBody): void => {
  if (body.content !== undefined) message.content = body.content ?? '';
  if (body.embeds !== undefined) message.embeds = body.embeds ?? [];
  if (body.components !== undefined) message.components = body.components ?? [];
  message.edited_timestamp = new Date().toISOString();
  if (message.flags !== undefined) message.flags = (message.flags & ~MessageFlags.Loading) as MessageFlags;
};
