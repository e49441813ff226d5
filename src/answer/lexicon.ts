import { stemmer } from 'stemmer';
import { words } from './text.js';

/**
 * Words people use for the same thing when asking about any film: retrieval
 * (BM25) only matches shared terms, so each group folds into its first word, on
 * both the question and the facts. A film's own vocabulary ("completes" for
 * dies, the wristbands) lives in its pack's lexicon.json and is added per pack.
 */
const SAY_GROUP = ['say', 'says', 'said', 'tell', 'tells', 'told', 'explain', 'explains', 'explained'];
/** The words of saying: "what did she tell them" asks for someone's words. */
export const SAYING: ReadonlySet<string> = new Set(SAY_GROUP);

const GENERIC: readonly (readonly string[])[] = [
  ['die', 'dies', 'died', 'dying', 'death', 'dead', 'kill', 'killed'],
  ['dismiss', 'dismissed', 'fire', 'fired', 'sack', 'sacked', 'removed', 'kicked'],
  [
    'play',
    'plays',
    'played',
    'playing',
    'portray',
    'portrays',
    'portrayed',
    'actor',
    'actress',
    'actors',
    'cast',
    'star',
    'stars',
    'starring',
  ],
  ['direct', 'directs', 'directed', 'director', 'directing'],
  ['write', 'wrote', 'written', 'writer', 'screenwriter', 'screenplay', 'script', 'adapted'],
  ['novel', 'book', 'author'],
  ['runtime', 'length', 'minutes', 'duration'],
  ['sale', 'sales', 'sell', 'sells', 'sold', 'selling', 'buy', 'buys', 'bought', 'buying'],
  ['give', 'gives', 'gave', 'given', 'giving', 'hand', 'handed', 'handing'],
  ['year', 'released', 'release'],
  ['love', 'loves', 'loved', 'romance', 'feelings', 'crush'],
  ['kiss', 'kisses', 'kissed'],
  ['sex', 'sleep', 'slept', 'intimate'],
  ['school', 'boarding'],
  ['art', 'artwork', 'drawing', 'drawings', 'painting', 'paintings', 'draw', 'draws', 'paint'],
  ['end', 'ending', 'ends', 'finale', 'last', 'final'],
  ['start', 'begin', 'beginning', 'opening', 'opens', 'first'],
  ['real', 'true', 'truth', 'exist', 'exists', 'myth'],
  ['rumour', 'rumor', 'rumours', 'rumors', 'gossip', 'story', 'stories'],
  ['angry', 'scream', 'screams', 'screamed', 'yell', 'yells', 'shout', 'shouts'],
  ['sad', 'cry', 'cries', 'cried', 'crying', 'tears', 'upset'],
  ['old', 'age', 'aged'],
  ['beach', 'sea', 'seaside', 'shore', 'coast'],
  ['operation', 'operations', 'op', 'ops', 'surgery', 'operating', 'operated'],
  [
    'hit',
    'hits',
    'hurt',
    'hurts',
    'injure',
    'injured',
    'punch',
    'punched',
    'bruise',
    'bruised',
    'smack',
    'smacked',
  ],
  [
    'tantrum',
    'meltdown',
    'outburst',
    'rage',
    'strop',
    'freakout',
    'erupt',
    'erupts',
    'erupted',
    'explode',
    'explodes',
    'exploded',
    'snap',
    'snaps',
    'snapped',
  ],
  ['bin', 'trash', 'rubbish', 'garbage', 'dustbin'],
  [
    'relationship',
    'relationships',
    'dating',
    'date',
    'dated',
    'boyfriend',
    'girlfriend',
    'couple',
    'together',
  ],
  SAY_GROUP,
];

/** Chat words: "ngl i cried, does kathy die" asks only "does kathy die". */
export const CHAT_WORDS: readonly string[] = 'lol lmao lmfao omg tbh ngl idk btw imo rn smh fr'.split(' ');

/** Words that carry no meaning in a question about a film. */
export const STOPWORDS = new Set([
  ...`a an the and or but if of to in on at by for with from into onto about as is are was were be been being am do does did
  done doing has have had having i me my we our you your he him his she her they them their it its this that these those
  there here what whats what's wat which who whom whose when where why how wh can could would should will shall may might
  must just so very really actually ever even also too than then not no yes any some all more most much many get gets got
  mean means meaning happen happens happened happening thing things stuff deal like kind sort
  film movie story plot character characters scene guy girl someone person people one ones ok okay pls please wait hey
  lol um uh hm hmm bit again still yet out up down over off im i'm ya u ur r whos gonna wanna gotta kinda n
  exactly remind supposed keep keeps mention mentions mentioning mentioned talk talks talking basically
  supposedly apparently literally honestly seriously get gets got getting
  can't cant won't don't dont didn't didnt doesn't doesnt isn't isnt wasn't aren't weren't couldn't wouldn't
  shouldn't haven't hasn't it'll they'll they're we're you're i've they've i'd they'd
  till 2 4 anything something everything anyone someone everyone nothing worst
  teh hte thier wont happend happned hapened overall altogether
  quien es qui est wer ist el la le der das`.split(/\s+/),
  ...CHAT_WORDS,
]);

/** Folds words into search terms: synonyms to one word, then Porter stems. Stopwords give null. */
export class Lexicon {
  private readonly canonical = new Map<string, string>();

  constructor(filmGroups: readonly (readonly string[])[] = []) {
    for (const group of [...GENERIC, ...filmGroups]) {
      // A film group that shares a word with an earlier group joins it rather than splitting it.
      const head = group.map((word) => this.canonical.get(word)).find(Boolean) ?? group[0]!;
      for (const word of group) if (!this.canonical.has(word)) this.canonical.set(word, head);
    }
  }

  term(word: string): string | null {
    if (STOPWORDS.has(word)) return null;
    return this.canonical.get(word) ?? stemmer(word);
  }

  terms(text: string): string[] {
    return words(text)
      .map((word) => this.term(word))
      .filter((term): term is string => term !== null);
  }
}
