import {
  ApplicationCommandOptionType as T,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import fc from 'fast-check';
import type { Invocation, OptionValue } from '../../src/command/invocation.js';

/** The fixture server: the console's default guild, channels, users and a role. */
export const GUILD = '300000000000000001';
export const CHANNELS = ['200000000000000001', '200000000000000002'] as const;
export const USERS = ['100000000000000001', '100000000000000002', '100000000000000003'] as const;
export const ROLE = '500000000000000001';

type Leaf = Exclude<APIApplicationCommandOption, { type: T.Subcommand | T.SubcommandGroup }>;

/** One generated invocation, and what the checks need to know about how it was made. */
export interface Generated {
  readonly invocation: Invocation;
  /** Something Discord itself never sends: a missing required option or subcommand, or an unknown one. */
  readonly malformed: boolean;
  /** A value Discord would refuse (too long, out of range, not a choice, not an id). */
  readonly outOfBounds: boolean;
  /** Hostile text typed by the user, which must never come back unescaped. */
  readonly hostile: readonly string[];
}

/** Markdown, mentions, spoiler bars, code fences, control and odd unicode: what users type to break things. */
const PAYLOADS = [
  '||',
  '|',
  '||secret||',
  '```',
  '```js\nconsole.log(1)\n```',
  '`',
  '**',
  '__',
  '~~',
  '*',
  '_',
  '> quote',
  '>>> block',
  '# heading',
  '-# small',
  '- item',
  '1. item',
  '[link](https://example.com)',
  '<https://example.com>',
  '<@123>',
  '<@!100000000000000009>',
  '<@&500000000000000009>',
  '<#200000000000000009>',
  '<t:0:R>',
  '@everyone',
  '@here',
  '@EveryOne',
  '\\',
  '\\|\\|',
  '\n',
  '\r\n',
  '\t',
  '\u200b',
  '\u202e',
  '\u0000',
  '🎬',
  '👩‍👩‍👧',
  'e\u0301',
  '\ud83d',
  ' question:',
  ' watched:',
  '"',
  "'",
];

const hostilePiece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('ruth', 'tommy', 'who dies', 'kathy', 'hailsham', 'end') },
);
/** Text built from hostile pieces. */
export const hostileText = (maxPieces = 12) =>
  fc.array(hostilePiece, { maxLength: maxPieces }).map((parts) => parts.join(''));

/** Values a real user would type, per option name, so the fuzz reaches past the first check. */
const REALISTIC: Record<string, readonly string[]> = {
  question: [
    'who plays ruth',
    'who dies',
    'why was miss lucy dismissed?',
    'what is a donation',
    'who is tommy',
  ],
  watched: ['start', 'end', '45m', '1:05', '0:20', '3h', '-5m', '99:99', 'cottages', 'hailsham', 'opening'],
  until: ['start', 'end', '45m', '1:05', '0:20', '3h', 'cottages', 'hailsham', 'completion'],
  position: ['start', 'end', '45m', '1:05', '0:20', '3h', 'cottages'],
  name: ['ruth', 'tommy', 'kathy', 'miss emily', 'madame', 'nobody', 'r'],
  zone: ['UTC', 'Europe/London', 'america/new_york', 'Mars/Olympus', 'Etc/GMT+14', 'europe/lo'],
  starts: [
    'now',
    'in 10m',
    '20:30',
    'tomorrow 8pm',
    '<t:1767297600>',
    '2026-12-01 20:00',
    'yesterday',
    'in 200d',
  ],
};

type Made = { value: OptionValue; outOfBounds: boolean; hostile?: string };

const stringValue = (option: Leaf & { type: T.String }): fc.Arbitrary<Made> => {
  const max = option.max_length ?? 6000;
  const min = option.min_length ?? 0;
  const checked = (value: string, hostile: boolean): Made => ({
    value,
    outOfBounds:
      value.length > max ||
      value.length < min ||
      (option.choices !== undefined && !option.choices.some((choice) => choice.value === value)),
    ...(hostile ? { hostile: value } : {}),
  });
  const realistic = REALISTIC[option.name] ?? [];
  return fc
    .oneof(
      ...(option.choices?.length
        ? [{ weight: 4, arbitrary: fc.constantFrom(...option.choices.map((c) => String(c.value))) }]
        : []),
      ...(realistic.length ? [{ weight: 4, arbitrary: fc.constantFrom(...realistic) }] : []),
      { weight: 4, arbitrary: hostileText().map((text) => text.slice(0, max)) },
      { weight: 1, arbitrary: fc.constant('') },
      // Exactly at the limit, and past it (Discord would refuse those; the bot must still not break).
      { weight: 1, arbitrary: hostileText(40).map((text) => text.padEnd(max, '|*_`').slice(0, max)) },
      {
        weight: 1,
        arbitrary: fc
          .integer({ min: 1, max: 300 })
          .map((extra) => '||@everyone '.repeat(Math.ceil((max + extra) / 12)).slice(0, max + extra)),
      },
    )
    .map((value) =>
      checked(value, !realistic.includes(value) && !(option.choices ?? []).some((c) => c.value === value)),
    );
};

const numberValue = (option: Leaf & { type: T.Integer | T.Number }): fc.Arbitrary<Made> => {
  const min = option.min_value ?? -(2 ** 53);
  const max = option.max_value ?? 2 ** 53;
  const integer = option.type === T.Integer;
  return fc
    .oneof(
      fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) }),
      fc.double({ noNaN: true }),
      fc.constantFrom(min - 1, max + 1, 0, -1, 1e21, Number.MAX_SAFE_INTEGER, 0.5),
    )
    .map((value) => ({
      value,
      outOfBounds: value < min || value > max || (integer && !Number.isInteger(value)),
    }));
};

const SNOWFLAKE = /^\d{17,20}$/;
/** Ids of the fixture, random snowflakes, and (when `bad`) strings that are no id at all. */
export const BAD_IDS = [
  '',
  '0',
  '123',
  'abc',
  '<@123>',
  '-1',
  '1e21',
  '9'.repeat(30),
  '200000000000000001>||',
];
const idValue = (known: readonly string[], bad: boolean): fc.Arbitrary<Made> =>
  fc
    .oneof(
      { weight: 3, arbitrary: fc.constantFrom(...known) },
      { weight: 2, arbitrary: fc.bigInt({ min: 10n ** 16n, max: 2n ** 64n - 1n }).map(String) },
      ...(bad ? [{ weight: 2, arbitrary: fc.constantFrom(...BAD_IDS) }] : []),
    )
    .map((value) => ({ value, outOfBounds: !SNOWFLAKE.test(value) }));

/** What to generate. */
export interface FuzzOptions {
  /** Channel, role and user options given strings that are no id (Discord itself only sends ids). */
  readonly badIds?: boolean;
  /** Unknown subcommands named like Object properties (`__proto__`, `constructor`, ...). */
  readonly objectKeys?: boolean;
}

/** Values for one option: mostly what its type and limits allow, often what they do not. */
export const optionValue = (option: Leaf, { badIds = true }: FuzzOptions = {}): fc.Arbitrary<Made> => {
  switch (option.type) {
    case T.String:
      return stringValue(option);
    case T.Integer:
    case T.Number:
      return numberValue(option);
    case T.Boolean:
      return fc.boolean().map((value) => ({ value, outOfBounds: false }));
    case T.Channel:
      return idValue(CHANNELS, badIds);
    case T.Role:
      // The guild's id is the @everyone role.
      return idValue([ROLE, GUILD], badIds);
    case T.User:
      return idValue(USERS, badIds);
    case T.Mentionable:
      return idValue([...USERS, ROLE], badIds);
    default:
      return fc.constant({ value: 'attachment', outOfBounds: true });
  }
};

const nested = (option: APIApplicationCommandOption): readonly APIApplicationCommandOption[] =>
  'options' in option && option.options ? option.options : [];

/** A subcommand (group) path through the definition, sometimes missing or unknown. */
const pathArb = (
  options: readonly APIApplicationCommandOption[],
  { objectKeys = true }: FuzzOptions,
): fc.Arbitrary<{
  path: Pick<Invocation, 'subcommandGroup' | 'subcommand'>;
  leaves: readonly Leaf[];
  malformed: boolean;
}> => {
  const groups = options.filter((o) => o.type === T.SubcommandGroup);
  const subs = options.filter((o) => o.type === T.Subcommand);
  const leaves = options.filter((o): o is Leaf => o.type !== T.Subcommand && o.type !== T.SubcommandGroup);
  if (groups.length === 0 && subs.length === 0) return fc.constant({ path: {}, leaves, malformed: false });
  const names = fc.string({ maxLength: 40 }).filter((name) => objectKeys || !(name in Object.prototype));
  const unknown = fc.oneof(fc.constant(undefined), names).map((name) => ({
    path: name === undefined ? {} : { subcommand: name },
    leaves: [] as Leaf[],
    malformed: true,
  }));
  const inGroup = groups.map((group) =>
    fc.constantFrom(...nested(group).filter((o) => o.type === T.Subcommand)).map((sub) => ({
      path: { subcommandGroup: group.name, subcommand: sub.name },
      leaves: nested(sub) as Leaf[],
      malformed: false,
    })),
  );
  const direct = subs.length
    ? [
        fc.constantFrom(...subs).map((sub) => ({
          path: { subcommand: sub.name },
          leaves: nested(sub) as Leaf[],
          malformed: false,
        })),
      ]
    : [];
  return fc.oneof(
    { weight: 1, arbitrary: unknown },
    ...[...inGroup, ...direct].map((arbitrary) => ({ weight: 6, arbitrary })),
  );
};

/**
 * Invocations of one command, driven by its own definition (`data.toJSON()`):
 * a subcommand path, then each option present or not, valid or not, plus the
 * odd option the definition does not have.
 */
export const invocationArb = (
  json: RESTPostAPIChatInputApplicationCommandsJSONBody,
  fuzz: FuzzOptions = {},
): fc.Arbitrary<Generated> =>
  pathArb(json.options ?? [], fuzz).chain(({ path, leaves, malformed }) =>
    fc
      .tuple(
        fc.tuple(
          ...leaves.map((leaf) =>
            fc.option(optionValue(leaf, fuzz), { freq: leaf.required ? 12 : 2, nil: undefined }),
          ),
        ),
        fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 32 }), hostileText(3)), {
          freq: 8,
          nil: undefined,
        }),
      )
      .map(([values, extra]) => {
        const options: Record<string, OptionValue> = {};
        const hostile: string[] = [];
        let outOfBounds = false;
        let missing = false;
        leaves.forEach((leaf, i) => {
          const made = values[i];
          if (made === undefined) {
            missing ||= leaf.required === true;
            return;
          }
          options[leaf.name] = made.value;
          outOfBounds ||= made.outOfBounds;
          if (made.hostile !== undefined) hostile.push(made.hostile);
        });
        if (extra && !(extra[0] in options)) options[extra[0]] = extra[1];
        return {
          invocation: { commandName: json.name, ...path, options },
          malformed: malformed || missing,
          outOfBounds,
          hostile,
        };
      }),
  );

/** Autocomplete requests: some options filled in, one focused and typed as a raw string, as Discord sends it. */
export const autocompleteArb = (
  json: RESTPostAPIChatInputApplicationCommandsJSONBody,
  fuzz: FuzzOptions = {},
): fc.Arbitrary<Invocation> =>
  invocationArb(json, fuzz).chain(({ invocation }) => {
    const names = [...Object.keys(invocation.options), 'nope'];
    return fc
      .tuple(
        fc.constantFrom(...names),
        fc.oneof(hostileText(4), fc.constantFrom('', '4', '1:', 'hail', 'europe/lo', 't')),
      )
      .map(([focused, typed]) => ({
        ...invocation,
        options: { ...invocation.options, [focused]: typed },
        focused,
      }));
  });
