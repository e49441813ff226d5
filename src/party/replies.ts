import { recapUntil } from '../recap/recap.js';
import { errorReply, reply, strong, text, type Line, type Reply } from '../reply/model.js';
import { formatFilmTime } from '../story/time.js';
import { channelMention, fullTime, partyButton, relativeTime, userMention } from './format.js';
import { pressPlayPost } from './posts.js';

import type { PartyView, ReminderOutcome, StartOutcome, SyncOutcome } from './service.js';
import { stopsOf } from './stops.js';
import { describeOffset } from './timezone.js';
import { getsReminder, MAX_REMINDERS, REMIND_BEFORE_MS } from './record.js';

/*
 * What /watchparty and its buttons answer. Positions come from the party's
 * clock, and nothing past it is named: the next checkpoint is a time, never a title.
 */

const filmTime = (ms: number) => formatFilmTime(ms / 1000);
const noteLines = (notes: readonly string[]): Line[] => notes.map((note) => [text(note)]);
const noteSpans = (notes: readonly string[]) => notes.map((note) => text(` ${note}`));

export const startReply = ({ view, startedNow, replyIsPost, zone, notes }: StartOutcome): Reply => {
  const { record, pack } = view;
  if (replyIsPost) {
    const post = pressPlayPost(record, pack);
    return {
      ...post,
      lines: [
        ...post.lines,
        [text('Started '), fullTime(record.startsAt), text(' ('), relativeTime(record.startsAt), text(').')],
        ...noteLines(notes),
      ],
    };
  }
  if (startedNow)
    return reply([
      [
        strong(`Watch party on: ${pack.film.title}`),
        text(' in '),
        channelMention(record.channelId),
        text('.'),
      ],
      [text('The "press play" post, with its mentions, is posted there.'), ...noteSpans(notes)],
    ]);
  const checkpoints = stopsOf(pack).filter((stop) => stop.checkpoint).length;
  const reminder = getsReminder(record) ? `a reminder ${REMIND_BEFORE_MS / 60_000} minutes before, ` : '';
  return reply(
    [
      [strong(`Watch party: ${pack.film.title} (${pack.film.year})`)],
      [
        text('Starts '),
        fullTime(record.startsAt),
        text(' ('),
        relativeTime(record.startsAt),
        text(') in '),
        channelMention(record.channelId),
        text('.'),
      ],
      [text('Organised by '), userMention(record.organiserId), text(`. Times typed were read in ${zone}.`)],
      [
        text(
          `I'll post ${reminder}a "press play" post at the start, and ${checkpoints} checkpoint prompts during the film, each with a spoiler-free recap and questions.`,
        ),
      ],
      [text('Press "Remind me" to be mentioned when it starts.')],
      ...noteLines(notes),
    ],
    { buttons: [partyButton('remind', record.id)] },
  );
};

/** "At 0:45 in Hailsham School, 1978, paused. Next checkpoint in 12 minutes (about 0:57)." */
const whereLines = (view: PartyView): Line[] => {
  const { record, pack } = view;
  if (record.phase === 'scheduled')
    return [
      [
        text(`The ${pack.film.title} watch party in `),
        channelMention(record.channelId),
        text(' starts '),
        fullTime(record.startsAt),
        text(' ('),
        relativeTime(record.startsAt),
        text(').'),
      ],
      ...(record.pauseReason === 'permissions'
        ? [
            [
              text(
                'It is on hold: I could not post in its channel. Fix my permissions there, then /watchparty resume.',
              ),
            ],
          ]
        : []),
    ];
  const chapter = pack.chapterAt(view.positionMs / 1000);
  const state =
    record.pauseReason === 'permissions'
      ? ', paused because I could not post in the channel (fix my permissions, then /watchparty resume)'
      : view.paused
        ? ', paused'
        : '';
  const lines: Line[] = [
    [
      text(`The ${pack.film.title} watch party in `),
      channelMention(record.channelId),
      text(' is at '),
      strong(filmTime(view.positionMs)),
      text(`, in ${chapter.title}${state}.`),
    ],
  ];
  if (view.nextAt !== undefined && view.next)
    lines.push([
      text(view.next.final ? 'The film ends ' : 'Next checkpoint '),
      relativeTime(view.nextAt),
      text(` (about ${filmTime(view.next.atMs)} into the film).`),
    ]);
  return lines;
};

export const whereReply = (view: PartyView): Reply => reply(whereLines(view), { ephemeral: true });

export const statusReply = (view: PartyView, zone: string, now: number): Reply =>
  reply(
    [
      ...whereLines(view),
      [
        text('Organised by '),
        userMention(view.record.organiserId),
        text(`. ${view.record.remind.length} asked to be reminded.`),
      ],
      [text(`Server timezone: ${zone} (${describeOffset(zone, now)} now).`)],
    ],
    { ephemeral: true },
  );

export const catchUpReply = (view: PartyView): Reply =>
  reply(recapUntil(view.pack, Math.floor(view.positionMs / 1000), { length: 'short' }), { ephemeral: true });

export const pauseReply = (view: PartyView, userId: string): Reply =>
  reply([
    [
      strong(`Paused at ${filmTime(view.positionMs)}`),
      text(' by '),
      userMention(userId),
      text('. Use /watchparty resume when everyone is ready.'),
    ],
  ]);

export const resumeReply = (view: PartyView): Reply =>
  reply([
    [strong(`Resumed at ${filmTime(view.positionMs)}.`), text(' Press play!')],
    ...whereLines(view).slice(1),
  ]);

export const syncReply = ({ view, fromMs, skipped, backward, startedEarly, toMs }: SyncOutcome): Reply => {
  const to = filmTime(view.positionMs);
  if (backward)
    return reply([
      [
        strong(`Synced back to ${to}`),
        text(` (from ${filmTime(fromMs)}). Checkpoints already posted won't be posted again.`),
      ],
    ]);
  const lines: Line[] = startedEarly
    ? [
        [
          strong(`Started at ${filmTime(toMs)}.`),
          text(' The start post, with its mentions, goes to '),
          channelMention(view.record.channelId),
          text('.'),
        ],
      ]
    : [[strong(`Synced to ${to}`), text(` (from ${filmTime(fromMs)}).`)]];
  if (skipped.length > 0)
    lines.push([
      text(
        `You've passed ${skipped.length === 1 ? 'a checkpoint' : `${skipped.length} checkpoints`} (${skipped.map((stop) => stop.checkpoint?.title ?? 'the end').join('; ')}), so I won't post ${skipped.length === 1 ? 'it' : 'them'} now. Press "Catch me up" for the story so far.`,
      ),
    ]);
  return reply([...lines, ...(startedEarly ? [] : whereLines(view).slice(1))], {
    buttons: [partyButton('catchup', view.record.id)],
  });
};

export const stopReply = (view: PartyView): Reply =>
  reply([
    [
      strong(
        view.record.phase === 'scheduled'
          ? 'Watch party called off.'
          : `Watch party stopped at ${filmTime(view.positionMs)}.`,
      ),
      text(' No more posts from me for it.'),
    ],
  ]);

export const reminderReply = (outcome: ReminderOutcome): Reply => {
  switch (outcome) {
    case 'added':
      return reply(["You're on the list: I'll mention you when it starts. Press again to be taken off."], {
        ephemeral: true,
      });
    case 'removed':
      return reply(["You're off the list; I won't mention you."], { ephemeral: true });
    case 'started':
      return reply(['It has already started: press play!'], { ephemeral: true });
    case 'full':
      return errorReply(`The reminder list is full (it holds ${MAX_REMINDERS} people).`);
    case 'gone':
      return errorReply('That watch party is over, or was stopped.');
  }
};

export const timezoneReply = (zone: string, now: number): Reply =>
  reply([
    [strong(`This server's timezone is now ${zone}`), text(` (${describeOffset(zone, now)} at the moment).`)],
    [text('Times typed in /watchparty start are read there, with daylight saving taken into account.')],
  ]);
