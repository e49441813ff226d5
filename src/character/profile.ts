import { creditSuffix } from '../film/credits.js';
import { describePosition, SOURCE_NOTE } from '../position/position.js';
import type { ResolvedPosition } from '../progress/position-for.js';
import { LIMITS } from '../reply/limits.js';
import { reply, spoiler, strong, text, type Line, type Reply, type ReplyEmbed } from '../reply/model.js';
import { renderLines } from '../reply/render.js';
import { isKnownAt, revealedAt, type Character, type Fact, type Pack } from '../story/pack.js';
import { hiddenTogether } from '../spoilers/reveal.js';
import { formatFilmTime } from '../story/time.js';
import { nameIsSafe } from './names.js';

/**
 * Room for each embed's description: together under Discord's 6000 characters
 * for all embeds of a message, with a margin for titles and the "and N more" line.
 */
const KNOWN_BUDGET = 2600;
const LATER_BUDGET = LIMITS.embedTotal - KNOWN_BUDGET - 300;

const fits = (lines: readonly Line[], budget: number) =>
  renderLines(lines, Number.MAX_SAFE_INTEGER).length <= budget;

/** Facts that are about this person rather than the whole cast come first when not all fit. */
const focus = (character: Character) => (fact: Fact) =>
  (fact.about.length === 1 ? 2 : fact.about.length <= 3 ? 1 : 0) + (fact.about[0] === character.id ? 1 : 0);

/**
 * As many facts as fit, the most focused first, laid out in film order. What is
 * left out is said, never counted: how much lies ahead for someone is a hint too.
 */
const fitFacts = (
  facts: readonly Fact[],
  lay: (kept: readonly Fact[]) => Line[],
  head: Line[],
  character: Character,
  budget: number,
) => {
  const score = focus(character);
  const inFilmOrder = [...facts].sort((a, b) => revealedAt(a) - revealedAt(b));
  const ranked = [...facts].sort((a, b) => score(b) - score(a));
  const kept = new Set<Fact>();
  const layout = () => [...head, ...lay(inFilmOrder.filter((f) => kept.has(f)))];
  for (const fact of ranked) {
    kept.add(fact);
    if (!fits(layout(), budget)) kept.delete(fact);
  }
  return kept.size < facts.length
    ? [...layout(), [text('There is more; ask about it with /ask.')]]
    : layout();
};

const knownLines = (facts: readonly Fact[]): Line[] => facts.map((fact) => [text(`• ${fact.text}`)]);

/**
 * Everything later behind one label and one pair of bars, as /ask does: a label
 * per part, or per fact, would show in which parts someone is still around.
 */
const laterLines = (facts: readonly Fact[]): Line[] => [
  hiddenTogether(
    'Later in the film:',
    facts.map((fact) => fact.text),
  ),
];

/**
 * Who someone is, for a viewer at a position: their role and cast (never
 * spoilers), what the viewer has learned about them, and what comes later
 * behind spoiler bars. Titles are shown unhidden, so a name goes there only
 * when the viewer has met them or the cast list already gives it.
 */
export const characterProfile = (pack: Pack, character: Character, at: ResolvedPosition): Reply => {
  const seconds = at.position.seconds;
  const where = describePosition(at.position, pack.film.runtimeSeconds);
  const met = character.introducedAt.end <= seconds;
  const plot = pack.facts.filter((fact) => fact.kind === 'plot' && fact.about.includes(character.id));
  const known = plot.filter((fact) => isKnownAt(fact, seconds));
  const later = plot.filter((fact) => !isKnownAt(fact, seconds));
  const first = character.introducedAt;

  const who: Line[] = met
    ? [[text(character.role)]]
    : [
        [
          text(
            `Not met yet at ${where}: first seen in ${first.chapter.title}, about ${formatFilmTime(first.at)}. `,
          ),
          text('Who they are: '),
          spoiler(nameIsSafe(character, seconds) ? character.role : `${character.name}: ${character.role}`),
        ],
      ];
  const cast = character.actors.map((actor) => `${actor.name}${creditSuffix[actor.plays]}`).join(', ');
  if (cast) who.push([strong('Played by'), text(`: ${cast}`)]);

  const knownHead: Line[] = [[strong(`What you know at ${where}`), text(`${SOURCE_NOTE[at.source]}:`)]];
  if (known.length === 0) knownHead.push([text(met ? 'Nothing more yet.' : 'Nothing yet.')]);
  const embeds: ReplyEmbed[] = [
    {
      title: nameIsSafe(character, seconds) ? character.name : 'Someone you have not met yet',
      description: fitFacts(known, knownLines, [...who, [], ...knownHead], character, KNOWN_BUDGET),
    },
  ];
  if (later.length > 0)
    embeds.push({
      title: 'Later in the film',
      description: fitFacts(later, laterLines, [[text('Hidden until clicked.')]], character, LATER_BUDGET),
    });
  return reply([], { embeds });
};
