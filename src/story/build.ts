import type {
  Beat,
  Chapter,
  Character,
  Checkpoint,
  Entity,
  Fact,
  GlossaryItem,
  Pack,
  Place,
} from './pack.js';
import type { RawPack } from './read.js';
import { parseClock } from './time.js';

/** Turns a checked pack into the indexed model. Assumes checkPack found nothing. */
export const buildPack = (raw: RawPack): Pack => {
  const { $schema: _schema, ...filmFields } = raw['film.json'];
  const film = { ...filmFields, runtimeSeconds: filmFields.runtimeMinutes * 60 };
  const chapters: Chapter[] = raw['chapters.json'].chapters.map((c) => ({
    id: c.id,
    title: c.title,
    caption: c.caption,
    aliases: c.aliases,
    start: parseClock(c.approxStart),
    end: parseClock(c.approxEnd),
  }));
  const chapterById = new Map(chapters.map((c) => [c.id, c]));
  const rawBeats = raw['beats.json'].beats;
  const beats: Beat[] = rawBeats.map((b, index) => {
    const chapter = chapterById.get(b.chapter)!;
    const next = rawBeats[index + 1];
    const nextAt = next && next.chapter === b.chapter ? parseClock(next.approxAt) : chapter.end;
    return {
      id: b.id,
      index,
      chapter,
      at: parseClock(b.approxAt),
      end: Math.max(nextAt, parseClock(b.approxAt)),
      summary: b.summary,
      characters: b.characters,
      place: b.place,
    };
  });
  const beatById = new Map(beats.map((b) => [b.id, b]));
  const beat = (id: string) => beatById.get(id)!;

  const characters: Character[] = raw['characters.json'].characters.map((c) => ({
    ...c,
    kind: 'character',
    introducedAt: beat(c.introducedAt),
  }));
  const places: Place[] = raw['places.json'].places.map((p) => ({
    ...p,
    kind: 'place',
    introducedAt: beat(p.introducedAt),
  }));
  const glossary: GlossaryItem[] = raw['glossary.json'].glossary.map((g) => ({
    ...g,
    introducedAt: beat(g.introducedAt),
  }));
  const entities = new Map<string, Entity>([...characters, ...places, ...glossary].map((e) => [e.id, e]));

  const facts: Fact[] = raw['facts.json'].facts.map((f) => ({
    ...f,
    learnedAt: f.learnedAt === null ? null : beat(f.learnedAt),
  }));
  const checkpoints: Checkpoint[] = raw['checkpoints.json'].checkpoints.map((c) => {
    const afterBeat = beat(c.afterBeat);
    return { ...c, afterBeat, at: afterBeat.end, chapter: afterBeat.chapter };
  });

  return {
    film,
    characters,
    places,
    glossary,
    chapters,
    beats,
    facts,
    checkpoints,
    lexicon: raw['lexicon.json'].synonyms,
    entity: (id) => entities.get(id),
    chapterAt: (seconds) => chapters.find((c) => seconds < c.end) ?? chapters.at(-1)!,
  };
};
