import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { composeAnswer } from '../../src/answer/compose.js';
import { AnswerEngine } from '../../src/answer/engine.js';
import { parsePosition } from '../../src/position/parse.js';
import { renderReply } from '../../src/reply/render.js';
import { isKnownAt, type Pack } from '../../src/story/pack.js';

/** The dev question set: written from the seeds by someone who did not write the pack's phrasings. */
const questionSet = z.object({
  film: z.string(),
  questions: z.array(
    z.object({
      id: z.string(),
      category: z.string(),
      question: z.string(),
      watched: z.string(),
      mustContain: z.array(z.string()),
      mustNotShow: z.array(z.string()).optional(),
      expectNoAnswer: z.boolean().optional(),
    }),
  ),
});
export type DevQuestion = z.infer<typeof questionSet>['questions'][number];

/** The dev set, or one of the sets written later from the seeds alone (see bench-qa.ts). */
export const loadQuestions = (
  file: 'questions.json' | 'holdout.json' | 'blind.json' | 'fresh.json' | 'final.json' = 'questions.json',
): DevQuestion[] =>
  questionSet.parse(JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8'))).questions;

const unescape = (value: string) => value.replace(/\\(.)/g, '$1');
// "thin" must not be found in "nothing": a wanted word (or stem) starts a word in the reply.
const startsAWord = (haystack: string, needle: string) =>
  new RegExp(`(^|[^a-z0-9])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(haystack);
const SPOILER = /\|\|[\s\S]*?\|\|/g;
const NO_ANSWER = "I don't know that";

export interface Verdict {
  readonly question: DevQuestion;
  readonly content: string;
  readonly answered: boolean;
  /** Words the question forbade, seen outside spoiler bars. */
  readonly leakedWords: string[];
  /** Pack facts from after the asker's position, seen outside spoiler bars. */
  readonly leakedFacts: string[];
  readonly micros: number;
}

/** Asks one question as /ask would and judges the rendered message as a Discord user sees it. */
export const judge = (engine: AnswerEngine, pack: Pack, question: DevQuestion): Verdict => {
  const started = performance.now();
  const position = parsePosition(question.watched, pack);
  const rendered = renderReply(
    composeAnswer(question.question, engine.answer(question.question, position.seconds), pack, {
      position,
      source: 'option',
    }),
  );
  const micros = (performance.now() - started) * 1000;
  const content = rendered.content;
  // The echoed question is the asker's own words; everything after it is the bot's.
  const body = content.split('\n').slice(1).join('\n');
  const everything = unescape(body.replace(/\|\|/g, '')).toLowerCase();
  const visible = unescape(body.replace(SPOILER, ' ')).toLowerCase();
  const said = !everything.includes(NO_ANSWER.toLowerCase());
  const answered = question.expectNoAnswer
    ? !said
    : said &&
      question.mustContain.every((entry) =>
        entry
          .toLowerCase()
          .split('|')
          .some((alt) => startsAWord(everything, alt.trim())),
      );
  const leakedWords = (question.mustNotShow ?? []).filter((word) => visible.includes(word.toLowerCase()));
  const asked = question.question.toLowerCase();
  const leakedFacts = [
    ...pack.facts
      .filter((fact) => !isKnownAt(fact, position.seconds) && visible.includes(fact.text.toLowerCase()))
      .map((fact) => fact.id),
    // Someone the asker has not met yet, named in plain text (unless the asker named them).
    ...pack.characters
      .filter((c) => c.introducedAt.end > position.seconds && c.actors.length === 0)
      .filter((c) => !asked.includes(c.name.toLowerCase()) && visible.includes(c.name.toLowerCase()))
      .map((c) => `character:${c.id}`),
  ];
  return { question, content, answered, leakedWords, leakedFacts, micros };
};
