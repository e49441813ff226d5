import path from 'node:path';
import type { PackIssue } from './issues.js';
import type { RawPack } from './read.js';
import { formatFilmTime, parseClock } from './time.js';

/** The rules that span files: references resolve, ids are unique, times are ordered and inside the film. */
export const checkPack = (raw: RawPack, dir: string): PackIssue[] => {
  const issues: PackIssue[] = [];
  const at = (file: string, pathText: string, message: string) =>
    issues.push({ file: path.join(dir, file), path: pathText, message });
  const runtime = raw['film.json'].runtimeMinutes * 60;

  const uniqueIds = (
    file: string,
    key: string,
    items: readonly { id: string }[],
    seen = new Map<string, string>(),
  ) => {
    items.forEach((item, i) => {
      const earlier = seen.get(item.id);
      if (earlier) at(file, `$.${key}[${i}].id`, `id "${item.id}" is already used at ${earlier}`);
      else seen.set(item.id, `${file} $.${key}[${i}]`);
    });
    return seen;
  };
  const { characters } = raw['characters.json'];
  const { places } = raw['places.json'];
  const { glossary } = raw['glossary.json'];
  const { chapters } = raw['chapters.json'];
  const { beats } = raw['beats.json'];
  const { facts } = raw['facts.json'];
  const { checkpoints } = raw['checkpoints.json'];
  // Characters, places and glossary entries share one namespace: facts point at any of them.
  const entityIds = uniqueIds('characters.json', 'characters', characters);
  uniqueIds('places.json', 'places', places, entityIds);
  uniqueIds('glossary.json', 'glossary', glossary, entityIds);
  uniqueIds('chapters.json', 'chapters', chapters);
  uniqueIds('beats.json', 'beats', beats);
  uniqueIds('facts.json', 'facts', facts);
  uniqueIds('checkpoints.json', 'checkpoints', checkpoints);

  const chapterById = new Map(chapters.map((chapter) => [chapter.id, chapter]));
  const beatIndex = new Map(beats.map((beat, i) => [beat.id, i]));
  const characterIds = new Set(characters.map((c) => c.id));
  const placeIds = new Set(places.map((p) => p.id));
  const mustBeBeat = (file: string, pathText: string, id: string | null) => {
    if (id !== null && !beatIndex.has(id))
      at(file, pathText, `refers to beat "${id}", which is not in beats.json`);
  };

  if (chapters.length === 0) at('chapters.json', '$.chapters', 'a pack needs at least one chapter');
  chapters.forEach((chapter, i) => {
    const start = parseClock(chapter.approxStart);
    const end = parseClock(chapter.approxEnd);
    const p = `$.chapters[${i}]`;
    if (end <= start)
      at(
        'chapters.json',
        `${p}.approxEnd`,
        `ends at ${chapter.approxEnd}, not after its start ${chapter.approxStart}`,
      );
    if (end > runtime)
      at(
        'chapters.json',
        `${p}.approxEnd`,
        `ends at ${chapter.approxEnd}, past the film's runtime of ${formatFilmTime(runtime)}`,
      );
    const expectedStart = i === 0 ? 0 : parseClock(chapters[i - 1]!.approxEnd);
    if (start !== expectedStart)
      at(
        'chapters.json',
        `${p}.approxStart`,
        i === 0
          ? 'the first chapter must start at 0:00'
          : `starts at ${chapter.approxStart}, but the chapter before ends at ${chapters[i - 1]!.approxEnd}; chapters must follow each other without gaps`,
      );
  });
  const lastChapter = chapters.at(-1);
  if (lastChapter && parseClock(lastChapter.approxEnd) !== runtime)
    at(
      'chapters.json',
      `$.chapters[${chapters.length - 1}].approxEnd`,
      `the last chapter must end with the film, at ${formatFilmTime(runtime)}`,
    );

  let previous = 0;
  beats.forEach((beat, i) => {
    const p = `$.beats[${i}]`;
    const time = parseClock(beat.approxAt);
    const chapter = chapterById.get(beat.chapter);
    if (!chapter)
      at('beats.json', `${p}.chapter`, `refers to chapter "${beat.chapter}", which is not in chapters.json`);
    else if (time < parseClock(chapter.approxStart) || time >= parseClock(chapter.approxEnd))
      at(
        'beats.json',
        `${p}.approxAt`,
        `${beat.approxAt} is outside its chapter "${chapter.id}" (${chapter.approxStart}–${chapter.approxEnd})`,
      );
    if (time < previous)
      at(
        'beats.json',
        `${p}.approxAt`,
        `${beat.approxAt} comes before the previous beat's time; beats must be in film order`,
      );
    previous = Math.max(previous, time);
    beat.characters.forEach((id, j) => {
      if (!characterIds.has(id))
        at(
          'beats.json',
          `${p}.characters[${j}]`,
          `refers to character "${id}", which is not in characters.json`,
        );
    });
    if (beat.place !== null && !placeIds.has(beat.place))
      at('beats.json', `${p}.place`, `refers to place "${beat.place}", which is not in places.json`);
  });

  for (const [file, key, items] of [
    ['characters.json', 'characters', characters],
    ['places.json', 'places', places],
    ['glossary.json', 'glossary', glossary],
  ] as const)
    items.forEach((item, i) => mustBeBeat(file, `$.${key}[${i}].introducedAt`, item.introducedAt));

  facts.forEach((fact, i) => {
    const p = `$.facts[${i}]`;
    if (fact.kind === 'film' && fact.learnedAt !== null)
      at(
        'facts.json',
        `${p}.learnedAt`,
        'a film fact (cast, crew, runtime) is never a spoiler, so learnedAt must be null',
      );
    if (fact.kind === 'plot' && fact.learnedAt === null)
      at('facts.json', `${p}.learnedAt`, 'a plot fact needs the beat at which a viewer learns it');
    mustBeBeat('facts.json', `${p}.learnedAt`, fact.learnedAt);
    fact.about.forEach((id, j) => {
      if (!entityIds.has(id))
        at(
          'facts.json',
          `${p}.about[${j}]`,
          `refers to "${id}", which is no character, place or glossary entry`,
        );
    });
  });

  let previousCheckpoint = -1;
  checkpoints.forEach((checkpoint, i) => {
    const p = `$.checkpoints[${i}]`;
    const index = beatIndex.get(checkpoint.afterBeat);
    if (index === undefined) return mustBeBeat('checkpoints.json', `${p}.afterBeat`, checkpoint.afterBeat);
    if (index <= previousCheckpoint)
      at(
        'checkpoints.json',
        `${p}.afterBeat`,
        'checkpoints must be in film order, each after a later beat than the one before',
      );
    if (checkpoint.kind === 'finale' && (index !== beats.length - 1 || i !== checkpoints.length - 1))
      at('checkpoints.json', `${p}.kind`, 'the finale must be the last checkpoint, after the last beat');
    previousCheckpoint = index;
  });
  return issues;
};
