import type { ConsoleMessage, StepResult } from './session.js';

/** Spoilers shown as such, so a reader sees what Discord would hide. */
const showSpoilers = (value: string) => value.replace(/\|\|([\s\S]*?)\|\|/g, '[spoiler: $1]');

const indent = (value: string, prefix: string) =>
  value
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');

const printMessage = (message: ConsoleMessage, heading: string): string => {
  const parts = [heading + (message.ephemeral ? ' (only you can see this)' : '')];
  if (message.content) parts.push(indent(showSpoilers(message.content), '  '));
  for (const embed of message.embeds) {
    if (embed.title) parts.push(`  ┌ ${embed.title}`);
    if (embed.description) parts.push(indent(showSpoilers(embed.description), '  │ '));
    for (const field of embed.fields ?? [])
      parts.push(`  │ ${field.name}:`, indent(showSpoilers(field.value), '  │   '));
    if (embed.footer) parts.push(`  └ ${embed.footer.text}`);
  }
  const buttons = message.components.flatMap((row) => row.components);
  if (buttons.length > 0)
    parts.push(`  buttons: ${buttons.map((b) => `[${b.label}] (${b.custom_id})`).join('  ')}`);
  return parts.join('\n');
};

export const printStep = (step: StepResult): string => {
  const parts: string[] = [];
  if (step.error) parts.push(`! ${step.error}`);
  for (const message of step.replies) parts.push(printMessage(message, '← reply'));
  for (const post of step.posts) parts.push(printMessage(post, `← post in #${post.channelId}`));
  for (const action of step.actions) parts.push(`← action ${JSON.stringify(action)}`);
  if (step.choices) parts.push(`← suggestions: ${step.choices.map((c) => c.name).join(' | ') || '(none)'}`);
  return parts.join('\n');
};
