/**
 * Words people use for the same thing when asking about a film. Retrieval
 * (BM25) only matches shared terms, so each group folds into its first word,
 * on both the question and the facts. Plain English, nothing film-specific.
 */
const GROUPS: readonly (readonly string[])[] = [
  [
    'die',
    'dies',
    'died',
    'dying',
    'death',
    'dead',
    'complete',
    'completes',
    'completed',
    'completing',
    'completion',
    'kill',
    'killed',
    'flatline',
    'flatlines',
    'flatlined',
  ],
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
  ['year', 'released', 'release'],
  ['love', 'loves', 'loved', 'romance', 'feelings', 'crush'],
  ['kiss', 'kisses', 'kissed'],
  ['sex', 'sleep', 'slept', 'intimate'],
  ['clone', 'clones', 'cloned', 'copy', 'copies', 'modelled', 'modeled'],
  ['organ', 'organs', 'liver', 'kidney'],
  ['donate', 'donates', 'donated', 'donation', 'donations', 'donor', 'donors', 'harvest', 'harvested'],
  ['teacher', 'teachers', 'guardian', 'guardians'],
  ['school', 'boarding'],
  ['art', 'artwork', 'drawing', 'drawings', 'painting', 'paintings', 'draw', 'draws', 'paint'],
  ['tape', 'cassette', 'song', 'music', 'album'],
  ['end', 'ending', 'ends', 'finale', 'last', 'final'],
  ['start', 'begin', 'beginning', 'opening', 'opens', 'first'],
  ['real', 'true', 'truth', 'exist', 'exists', 'myth', 'rumour', 'rumor', 'rumours', 'rumors'],
  ['angry', 'scream', 'screams', 'screamed', 'yell', 'yells', 'shout', 'shouts'],
  ['sad', 'cry', 'cries', 'cried', 'crying', 'tears', 'upset'],
  ['old', 'age', 'aged'],
  ['beach', 'sea', 'seaside', 'shore', 'coast'],
  ['boat', 'ship', 'shipwreck', 'wreck'],
  ['operation', 'operations', 'op', 'ops', 'surgery', 'operating', 'operated'],
  ['hospital', 'centre', 'center', 'centres', 'centers', 'clinic'],
  ['bracelet', 'bracelets', 'wristband', 'wristbands', 'wrist'],
  ['magazine', 'magazines', 'porn', 'pornography'],
  ['office', 'agency', 'travel'],
  ['check', 'checks', 'checked', 'sign', 'scan', 'scans', 'scanned', 'log', 'clock'],
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
  ['tantrum', 'meltdown', 'outburst', 'rage', 'strop', 'freakout'],
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
  ['say', 'says', 'said', 'tell', 'tells', 'told', 'explain', 'explains', 'explained'],
];

const CANONICAL = new Map<string, string>(GROUPS.flatMap((group) => group.map((word) => [word, group[0]!])));

export const canonicalWord = (word: string): string | undefined => CANONICAL.get(word);

/** Words that carry no meaning in a question about a film. */
export const STOPWORDS = new Set(
  `a an the and or but if of to in on at by for with from into onto about as is are was were be been being am do does did
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
  quien es qui est wer ist el la le der das`.split(/\s+/),
);
