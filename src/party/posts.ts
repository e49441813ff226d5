import { reply, spoiler, strong, text, type Line, type Reply, type Span } from '../reply/model.js';
import type { Pack } from '../story/pack.js';
import { formatFilmTime } from '../story/time.js';
import {
  channelMention,
  duringFilmButtons,
  fullTime,
  relativeTime,
  roleMention,
  userMention,
} from './format.js';
import { positionMs } from './party-clock.js';
import { REMIND_BEFORE_MS, type PartyRecord } from './record.js';
import { stopsOf, type Stop } from './stops.js';

/*
 * The channel posts a party makes on its own. Each shows only what the party
 * has reached: a checkpoint's recap covers the stretch just watched, and the
 * closing post keeps the ending behind spoiler bars for anyone who wandered in.
 */

const questionLines = (questions: readonly string[], hide = false): Line[] =>
  questions.map((question, i) => [text(`${i + 1}. `), hide ? spoiler(question) : text(question)]);

/** Who the start post pings: the "Remind me" list and the role, exactly them. */
const startMentions = (record: PartyRecord): { line: Span[]; mentions: Reply['mentions'] } => {
  const spans = [...record.remind.map(userMention), ...(record.roleId ? [roleMention(record.roleId)] : [])];
  const line = spans.flatMap((span, i) => (i === 0 ? [span] : [text(' '), span]));
  return {
    line,
    mentions: { users: [...record.remind], ...(record.roleId ? { roles: [record.roleId] } : {}) },
  };
};

export const reminderPost = (record: PartyRecord, pack: Pack): Reply =>
  reply([
    [strong(`Watch party in ${REMIND_BEFORE_MS / 60_000} minutes: ${pack.film.title}`)],
    [
      text('Starts '),
      relativeTime(record.startsAt),
      text(' ('),
      fullTime(record.startsAt),
      text('). Get your copy ready at 0:00.'),
    ],
  ]);

/** The start: "press play", or where to join when the organiser started it from a sync. */
export const pressPlayPost = (record: PartyRecord, pack: Pack): Reply => {
  const { line, mentions } = startMentions(record);
  const stops = stopsOf(pack).filter((stop) => stop.checkpoint).length;
  const from = record.clock.posMs;
  return reply(
    [
      [
        strong(
          from > 0
            ? `Watch party started: ${pack.film.title}, join at ${formatFilmTime(from / 1000)}`
            : `Press play now: ${pack.film.title}`,
        ),
      ],
      ...(line.length > 0 ? [line] : []),
      [
        text(
          `I'll post ${stops} checkpoint prompts here during the film, each with a short recap and questions to talk about.`,
        ),
      ],
      [text('Use /watchparty pause if you stop the film, and /watchparty sync if you drift.')],
    ],
    { buttons: duringFilmButtons(record.id), mentions },
  );
};

const stopHeading = (pack: Pack, stop: Stop): string => {
  const index = stopsOf(pack).indexOf(stop) + 1;
  const chapter = stop.checkpoint?.chapter.title ?? pack.chapters.at(-1)!.title;
  return `Checkpoint ${index} of ${stopsOf(pack).length} · ${chapter} · ${formatFilmTime(stop.atMs / 1000)}`;
};

export const checkpointPost = (record: PartyRecord, pack: Pack, stop: Stop): Reply => {
  const checkpoint = stop.checkpoint!;
  return reply([[strong(stopHeading(pack, stop))]], {
    embeds: [
      {
        title: checkpoint.title,
        description: [[strong('The stretch you just watched:'), text(` ${checkpoint.recap}`)]],
        fields: [{ name: 'To talk about', value: questionLines(checkpoint.questions) }],
        footer: 'Times are approximate. Pause the film here if you like: /watchparty pause.',
      },
    ],
    buttons: duringFilmButtons(record.id),
  });
};

/** The last post: the finale's questions with the ending behind spoiler bars. The party ends with it. */
export const closingPost = (record: PartyRecord, pack: Pack, stop: Stop): Reply => {
  const checkpoint = stop.checkpoint;
  return reply([[strong(`That's the end of ${pack.film.title}. Thanks for watching together!`)]], {
    embeds: checkpoint
      ? [
          {
            title: checkpoint.title,
            description: [[strong('How it ended:'), text(' '), spoiler(checkpoint.recap)]],
            fields: [
              {
                name: 'To talk about (spoilers for the ending)',
                value: questionLines(checkpoint.questions, true),
              },
            ],
            footer: 'The watch party is over. /ask and /recap work for the whole film now.',
          },
        ]
      : [],
  });
};

/**
 * After the bot was away: one post for everything missed, never one per
 * checkpoint. It names the checkpoints passed and gives the latest recap.
 */
export const catchUpPost = (
  record: PartyRecord,
  pack: Pack,
  missed: readonly Stop[],
  now: number,
  missedStart: boolean,
): Reply => {
  const { line, mentions } = startMentions(record);
  const at = formatFilmTime(positionMs(record.clock, now) / 1000);
  const latest = missed.filter((stop) => stop.checkpoint && !stop.final).at(-1)?.checkpoint;
  const lines: Line[] = [[strong('I was offline for a while, so here is what I missed, in one post.')]];
  if (missedStart) {
    lines.push([
      text(`The ${pack.film.title} watch party started `),
      relativeTime(record.startsAt),
      text('.'),
    ]);
    if (line.length > 0) lines.push(line);
  }
  if (missed.length > 0)
    lines.push([
      text(
        `Checkpoints passed: ${missed.map((stop) => `${stop.checkpoint?.title ?? 'the end'} (${formatFilmTime(stop.atMs / 1000)})`).join(', ')}.`,
      ),
    ]);
  lines.push([text(`The party is at about ${at} now. Press "Catch me up" for the story so far.`)]);
  return reply(lines, {
    embeds: latest
      ? [
          {
            title: latest.title,
            description: [[text(latest.recap)]],
            fields: [{ name: 'To talk about', value: questionLines(latest.questions) }],
          },
        ]
      : [],
    buttons: duringFilmButtons(record.id),
    ...(missedStart ? { mentions } : {}),
  });
};

/** Sent to the organiser (by DM) when the bot can no longer post in the party's channel. */
export const permissionPauseNotice = (record: PartyRecord, pack: Pack, missing: readonly string[]): Reply =>
  reply([
    [strong(`I paused the ${pack.film.title} watch party in `), channelMention(record.channelId)],
    [
      text(
        `I can no longer post there${missing.length > 0 ? `: I am missing ${missing.join(', ')}` : ''}. Give me View Channel, Send Messages and Embed Links in that channel, then run /watchparty resume there.`,
      ),
    ],
  ]);
