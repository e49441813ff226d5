import { z } from 'zod';

/**
 * The shape of a story pack, one schema per file. Cross-file rules (references,
 * ordering, runtime bounds) live in check.ts: zod sees one file at a time.
 */

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id is lowercase letters and digits joined by hyphens');
const text = z.string().trim().min(1, 'must not be empty');
// Film times are approximate by nature (cuts differ, viewers pause); the field
// names say so and the bot always prints them as "about 1:05".
const approxTime = z
  .string()
  .regex(/^\d{1,2}:[0-5]\d$/, 'a film time is written H:MM, for example "0:45" or "1:05"');
const schemaRef = { $schema: z.string().optional() };

export const filmFileSchema = z.strictObject({
  ...schemaRef,
  id,
  title: text,
  year: z.number().int().min(1888).max(2100),
  runtimeMinutes: z.number().int().positive(),
  language: text,
  genres: z.array(text).min(1),
  director: text,
  screenplay: text,
  basedOn: z.strictObject({ title: text, author: text, form: text }).optional(),
  logline: text.describe('Spoiler-free: safe to show before anyone has watched a minute.'),
  timesAreApproximate: z.literal(true),
});

export const characterSchema = z.strictObject({
  id,
  name: text,
  aliases: z.array(text),
  role: text.describe('Who they are when first seen; later developments belong in facts.'),
  actors: z.array(z.strictObject({ name: text, plays: z.enum(['adult', 'child', 'both']) })),
  introducedAt: id.describe('The beat in which a first-time viewer first meets them.'),
});

export const placeSchema = z.strictObject({
  id,
  name: text,
  aliases: z.array(text),
  description: text.describe('What a viewer knows of the place when it first appears.'),
  introducedAt: id,
});

export const glossaryEntrySchema = z.strictObject({
  id,
  term: text,
  kind: z.enum(['term', 'object']),
  aliases: z.array(text),
  definition: text.describe('What the word means as the film first uses it; its full meaning goes in facts.'),
  introducedAt: id,
});

export const chapterSchema = z.strictObject({
  id,
  title: text.describe(
    'A short name, shown in spoiler labels before anyone reaches the chapter: no years, no twists.',
  ),
  caption: text.nullable().describe('The on-screen caption that opens the chapter, if any.'),
  aliases: z.array(text),
  approxStart: approxTime,
  approxEnd: approxTime,
});

export const beatSchema = z.strictObject({
  id,
  chapter: id,
  approxAt: approxTime,
  summary: text,
  characters: z.array(id),
  place: id.nullable(),
});

export const sourceName = z.enum(['summary', 'review', 'synopsis']);

export const factSchema = z.strictObject({
  id,
  text: text.describe('One self-contained statement, in the project’s own words.'),
  kind: z.enum(['plot', 'film']).describe('film facts (cast, crew, runtime) are never spoilers.'),
  learnedAt: id
    .nullable()
    .describe('The beat at which a first-time viewer learns this; null only for film facts.'),
  about: z.array(id),
  ask: z.array(text).min(1).describe('Ways people ask for this fact.'),
  sources: z.array(sourceName).min(1),
  caveat: text.optional().describe('Where the seeds disagree or the film leaves it open.'),
});

export const checkpointSchema = z.strictObject({
  id,
  afterBeat: id.describe('The prompt is posted when this beat ends.'),
  kind: z.enum(['chapter-end', 'pause', 'finale']),
  title: text,
  recap: text.describe('The stretch just watched, spoiling nothing past this point.'),
  questions: z.array(text).min(1),
});

export const lexiconFileSchema = z.strictObject({
  ...schemaRef,
  synonyms: z
    .array(z.array(text).min(2))
    .describe("Groups of words that mean the same in this film's world; each folds into its first word."),
});

const listFile = <K extends string, T extends z.ZodType>(key: K, item: T) =>
  z.strictObject({ ...schemaRef, [key]: z.array(item) } as { $schema: z.ZodOptional<z.ZodString> } & Record<
    K,
    z.ZodArray<T>
  >);

/** Every file of a pack, with the schema that file must satisfy. */
export const packFiles = {
  'film.json': filmFileSchema,
  'characters.json': listFile('characters', characterSchema),
  'places.json': listFile('places', placeSchema),
  'glossary.json': listFile('glossary', glossaryEntrySchema),
  'chapters.json': listFile('chapters', chapterSchema),
  'beats.json': listFile('beats', beatSchema),
  'facts.json': listFile('facts', factSchema),
  'checkpoints.json': listFile('checkpoints', checkpointSchema),
} as const;

/** Files a pack may leave out, and what it then has instead. */
export const optionalPackFiles = {
  'lexicon.json': { schema: lexiconFileSchema, absent: { synonyms: [] } },
} as const;

export type PackFileName = keyof typeof packFiles;
export type FilmFile = z.infer<typeof filmFileSchema>;
export type CharacterEntry = z.infer<typeof characterSchema>;
export type PlaceEntry = z.infer<typeof placeSchema>;
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
export type ChapterEntry = z.infer<typeof chapterSchema>;
export type BeatEntry = z.infer<typeof beatSchema>;
export type FactEntry = z.infer<typeof factSchema>;
export type CheckpointEntry = z.infer<typeof checkpointSchema>;
