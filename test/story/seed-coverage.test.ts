import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';

/**
 * Seed coverage for the bundled Never Let Me Go pack: every statement below was
 * taken from one of the three source documents (plot summary, review, scene-by-scene
 * synopsis). Each one must still be findable in the pack, so a fact that is dropped
 * or reworded away shows up here as a failing test.
 */
const packDir = new URL('../../data/films/never-let-me-go/', import.meta.url);

type Where = 'facts' | 'beats' | 'characters' | 'places' | 'glossary';
interface SeedFact {
  seed: string;
  where: Where;
  mustMention: string[];
}

const seedFacts: SeedFact[] = [
  // film metadata
  { seed: 'the film is from 2010', where: 'facts', mustMention: ['2010'] },
  { seed: 'the runtime is 103 minutes', where: 'facts', mustMention: ['103', 'minutes'] },
  { seed: 'the film is in English', where: 'facts', mustMention: ['English'] },
  { seed: 'the genres are drama and thriller', where: 'facts', mustMention: ['drama', 'thriller'] },
  { seed: 'Mark Romanek directed it', where: 'facts', mustMention: ['Mark Romanek', 'directed'] },
  { seed: 'Alex Garland wrote the screenplay', where: 'facts', mustMention: ['Alex Garland', 'screenplay'] },
  {
    seed: 'it is based on the novel by Kazuo Ishiguro',
    where: 'facts',
    mustMention: ['Kazuo Ishiguro', 'novel'],
  },
  { seed: 'it can be streamed on Amazon Prime Video', where: 'facts', mustMention: ['Amazon Prime Video'] },
  { seed: 'the reviewer finds it one of the saddest films', where: 'facts', mustMention: ['saddest'] },
  {
    seed: 'the reviewer sees a metaphor for living life to the fullest',
    where: 'facts',
    mustMention: ['metaphor', 'life'],
  },
  { seed: 'the reviewer calls the cast remarkable', where: 'facts', mustMention: ['cast', 'remarkable'] },
  // cast
  { seed: 'Carey Mulligan plays Kathy', where: 'characters', mustMention: ['Carey Mulligan', 'Kathy'] },
  {
    seed: 'Isobel Meikle-Small plays young Kathy',
    where: 'characters',
    mustMention: ['Isobel Meikle-Small', 'Kathy'],
  },
  { seed: 'Andrew Garfield plays Tommy', where: 'characters', mustMention: ['Andrew Garfield', 'Tommy'] },
  { seed: 'Charlie Rowe plays young Tommy', where: 'characters', mustMention: ['Charlie Rowe', 'Tommy'] },
  { seed: 'Keira Knightley plays Ruth', where: 'characters', mustMention: ['Keira Knightley', 'Ruth'] },
  { seed: 'Ella Purnell plays young Ruth', where: 'characters', mustMention: ['Ella Purnell', 'Ruth'] },
  {
    seed: 'Charlotte Rampling plays Miss Emily',
    where: 'characters',
    mustMention: ['Charlotte Rampling', 'Miss Emily'],
  },
  { seed: 'Sally Hawkins plays Miss Lucy', where: 'characters', mustMention: ['Sally Hawkins', 'Miss Lucy'] },
  { seed: 'Nathalie Richard plays Madame', where: 'characters', mustMention: ['Nathalie Richard', 'Madame'] },
  {
    seed: 'Carey Mulligan plays the adult Kathy',
    where: 'facts',
    mustMention: ['Carey Mulligan', 'adult Kathy'],
  },
  { seed: 'Ella Purnell plays Ruth as a girl', where: 'facts', mustMention: ['Ella Purnell', 'Ruth'] },
  { seed: 'Charlie Rowe plays Tommy as a boy', where: 'facts', mustMention: ['Charlie Rowe', 'Tommy'] },
  // people
  { seed: 'the narrator is called Kathy H.', where: 'characters', mustMention: ['Kathy H'] },
  { seed: 'Madame is called Madame Marie-Claude', where: 'characters', mustMention: ['Marie-Claude'] },
  {
    seed: 'Miss Emily is the headmistress',
    where: 'characters',
    mustMention: ['Miss Emily', 'headmistress'],
  },
  { seed: 'Miss Lucy is the new guardian', where: 'characters', mustMention: ['Miss Lucy', 'new guardian'] },
  { seed: 'Rodney is at the Cottages', where: 'characters', mustMention: ['Rodney'] },
  { seed: 'Chrissie is at the Cottages', where: 'characters', mustMention: ['Chrissie'] },
  { seed: 'Judy Bridgewater sings on the tape', where: 'characters', mustMention: ['Judy Bridgewater'] },
  { seed: 'a donor with an eyepatch is in Kathy’s care', where: 'characters', mustMention: ['eyepatch'] },
  { seed: 'a nurse examines Kathy at the checkup', where: 'characters', mustMention: ['nurse', 'checkup'] },
  { seed: 'a doctor examines Kathy at the checkup', where: 'characters', mustMention: ['doctor', 'checkup'] },
  {
    seed: 'a woman in an office may be Ruth’s original',
    where: 'characters',
    mustMention: ['Ruth', 'original'],
  },
  {
    seed: 'a nurse shows Ruth’s picture on her computer',
    where: 'characters',
    mustMention: ['nurse', 'computer'],
  },
  { seed: 'doctors operate on Ruth', where: 'characters', mustMention: ['doctors', 'Ruth'] },
  { seed: 'the other Hailsham schoolchildren', where: 'characters', mustMention: ['Hailsham', 'students'] },
  {
    seed: 'the teachers at Hailsham discuss the art',
    where: 'characters',
    mustMention: ['Hailsham guardians', 'teachers'],
  },
  // places
  { seed: 'Hailsham is a boarding school', where: 'places', mustMention: ['Hailsham', 'boarding school'] },
  { seed: 'the fence marks the boundary', where: 'places', mustMention: ['fence', 'boundary'] },
  { seed: 'the dorm room at Hailsham', where: 'places', mustMention: ['dorm'] },
  { seed: 'the hallway where Ruth and Kathy listen', where: 'places', mustMention: ['hallway'] },
  { seed: 'the art class', where: 'places', mustMention: ['art class'] },
  { seed: 'the Cottages are on a farm', where: 'places', mustMention: ['Cottages', 'farm'] },
  { seed: 'the barn at the Cottages', where: 'places', mustMention: ['barn'] },
  { seed: 'the café in town', where: 'places', mustMention: ['café', 'town'] },
  { seed: 'the travel agency', where: 'places', mustMention: ['travel agency'] },
  { seed: 'centres and hospitals', where: 'places', mustMention: ['hospital', 'centre'] },
  { seed: 'the operating room', where: 'places', mustMention: ['operating', 'O.R.'] },
  { seed: 'Tommy’s centre', where: 'places', mustMention: ["Tommy's", 'centre'] },
  { seed: 'the beach with a stranded boat', where: 'places', mustMention: ['beach', 'boat'] },
  { seed: 'Madame’s garden', where: 'places', mustMention: ['Madame', 'garden'] },
  { seed: 'the gate at the end', where: 'places', mustMention: ['gate'] },
  // glossary
  { seed: 'a carer looks after donors', where: 'glossary', mustMention: ['carer', 'donors'] },
  { seed: 'teachers are called guardians', where: 'glossary', mustMention: ['guardian', 'teachers'] },
  { seed: 'Miss Emily calls the pupils special', where: 'glossary', mustMention: ['special', 'healthy'] },
  { seed: 'the Gallery takes the best art', where: 'glossary', mustMention: ['Gallery', 'art'] },
  { seed: 'a box on the wall beeps at wrists', where: 'glossary', mustMention: ['box', 'wall', 'beeps'] },
  { seed: 'the pupils wear bracelets', where: 'glossary', mustMention: ['bracelet'] },
  { seed: 'the sale of clothes and toys', where: 'glossary', mustMention: ['sale', 'clothes', 'toys'] },
  {
    seed: 'the tape Songs After Dark by Judy Bridgewater',
    where: 'glossary',
    mustMention: ['Songs After Dark', 'Judy Bridgewater'],
  },
  {
    seed: 'the song Never Let Me Go is 50s-style',
    where: 'glossary',
    mustMention: ['Never Let Me Go', '1950s'],
  },
  { seed: 'told and not told', where: 'glossary', mustMention: ['told and not told'] },
  { seed: 'donating vital organs', where: 'glossary', mustMention: ['donation', 'vital organs'] },
  {
    seed: 'to complete is to die after donations',
    where: 'glossary',
    mustMention: ['complete', 'third or fourth'],
  },
  { seed: 'the deferral for couples in love', where: 'glossary', mustMention: ['deferral', 'love'] },
  { seed: 'a clone and its original', where: 'glossary', mustMention: ['clone', 'original'] },
  { seed: 'the porn magazines', where: 'glossary', mustMention: ['magazines'] },
  { seed: 'the sitcom on TV', where: 'glossary', mustMention: ['sitcom', 'TV'] },
  { seed: 'Ruth’s walker', where: 'glossary', mustMention: ['walker'] },
  { seed: 'Madame’s address', where: 'glossary', mustMention: ['address'] },
  {
    seed: 'the darkness when diseases were incurable',
    where: 'glossary',
    mustMention: ['darkness', 'diseases'],
  },
  { seed: 'almost human', where: 'glossary', mustMention: ['almost human'] },
  {
    seed: 'technically complete and switched off',
    where: 'glossary',
    mustMention: ['technically complete', 'switch'],
  },
  { seed: 'the chocolate for the donor', where: 'glossary', mustMention: ['chocolate'] },
  { seed: 'the notice of donations', where: 'glossary', mustMention: ['notice', 'donations'] },
  { seed: 'the 1952 medical breakthrough', where: 'glossary', mustMention: ['1952', 'breakthrough'] },
  { seed: 'other schools like Hailsham', where: 'glossary', mustMention: ['other schools'] },
  // opening
  {
    seed: 'a 1952 breakthrough cured incurable diseases',
    where: 'facts',
    mustMention: ['1952', 'incurable'],
  },
  { seed: 'in 1967 life expectancy passed 100', where: 'facts', mustMention: ['1967', '100'] },
  { seed: 'Kathy is 28', where: 'facts', mustMention: ['Kathy', '28'] },
  { seed: 'Kathy works as a carer for donors', where: 'facts', mustMention: ['carer', 'donors'] },
  { seed: 'Kathy narrates and looks back', where: 'facts', mustMention: ['narrates', 'voiceover'] },
  {
    seed: 'the film opens in a hospital corridor by the O.R.',
    where: 'beats',
    mustMention: ['hospital corridor', 'operating room'],
  },
  // Hailsham
  { seed: 'the caption Hailsham School, 1978', where: 'beats', mustMention: ['Hailsham School, 1978'] },
  {
    seed: 'Miss Emily warns about smoking',
    where: 'facts',
    mustMention: ['Miss Emily', 'smoking', 'special'],
  },
  {
    seed: 'Tommy stops when the ball goes outside the fence',
    where: 'facts',
    mustMention: ['Tommy', 'ball', 'fence'],
  },
  {
    seed: 'children who went outside the boundary were found dead',
    where: 'facts',
    mustMention: ['boundary', 'dead'],
  },
  { seed: 'the kids tease Tommy’s painting', where: 'facts', mustMention: ['Tommy', 'painting', 'Gallery'] },
  {
    seed: 'Tommy is left off the teams and has a tantrum',
    where: 'facts',
    mustMention: ['teams', 'tantrum'],
  },
  {
    seed: 'Tommy accidentally hits Kathy in the face',
    where: 'facts',
    mustMention: ['Tommy', 'accidentally', 'face'],
  },
  {
    seed: 'the nurse and doctor notice the bruise',
    where: 'facts',
    mustMention: ['nurse', 'doctor', 'bruise'],
  },
  {
    seed: 'Miss Lucy says sport and art are not important',
    where: 'facts',
    mustMention: ['Miss Lucy', 'sport', 'art', 'important'],
  },
  { seed: 'Kathy and Tommy are puzzled', where: 'facts', mustMention: ['puzzled'] },
  { seed: 'Ruth looks jealous of Kathy and Tommy', where: 'facts', mustMention: ['Ruth', 'jealous'] },
  {
    seed: 'Kathy and Ruth talk about boys and sex in the dorm',
    where: 'facts',
    mustMention: ['dorm', 'boys', 'sex'],
  },
  {
    seed: 'the teachers discuss the students’ art',
    where: 'facts',
    mustMention: ['guardians', 'art', 'hallway'],
  },
  { seed: 'Madame must be coming', where: 'facts', mustMention: ['Madame', 'whisper'] },
  { seed: 'Madame oversees the Gallery', where: 'facts', mustMention: ['Madame', 'Gallery', 'mysterious'] },
  {
    seed: 'the toys at the sale are worn and broken',
    where: 'facts',
    mustMention: ['sale', 'worn', 'broken'],
  },
  { seed: 'Miss Lucy is saddened by the sale', where: 'facts', mustMention: ['Miss Lucy', 'saddened'] },
  {
    seed: 'Tommy gives Kathy the tape and she kisses his cheek',
    where: 'facts',
    mustMention: ['cassette', 'cheek'],
  },
  { seed: 'Ruth watches Kathy from the doorway', where: 'facts', mustMention: ['Ruth', 'doorway'] },
  {
    seed: 'Miss Lucy says they will donate vital organs',
    where: 'facts',
    mustMention: ['Miss Lucy', 'vital organs'],
  },
  {
    seed: 'they complete around the third or fourth donation',
    where: 'facts',
    mustMention: ['third or fourth', 'complete'],
  },
  {
    seed: 'the children learn at 12 according to the review',
    where: 'facts',
    mustMention: ['12', 'Miss Lucy'],
  },
  {
    seed: 'Miss Lucy thinks they have a right to know',
    where: 'facts',
    mustMention: ['Miss Lucy', 'deserve to know'],
  },
  {
    seed: 'Miss Lucy is dismissed for her subversive attitude',
    where: 'facts',
    mustMention: ['subversive attitude'],
  },
  {
    seed: 'Miss Lucy is fired for telling the truth',
    where: 'facts',
    mustMention: ['Miss Lucy', 'removed', 'Miss Emily'],
  },
  {
    seed: 'people try to undermine the school',
    where: 'facts',
    mustMention: ['Miss Emily', 'against', 'school'],
  },
  { seed: 'Ruth and Tommy hold hands', where: 'facts', mustMention: ['Ruth', 'Tommy', 'hands'] },
  { seed: 'Ruth kisses Tommy', where: 'facts', mustMention: ['Ruth', 'Tommy', 'kiss'] },
  { seed: 'Kathy develops feelings for Tommy', where: 'facts', mustMention: ['Kathy', 'feelings', 'Tommy'] },
  { seed: 'they are at Hailsham from 1978 to 1985', where: 'facts', mustMention: ['1978', '1985'] },
  { seed: 'the students are clones', where: 'facts', mustMention: ['clones', 'genetically engineered'] },
  // Cottages
  { seed: 'at 18 Kathy leaves the school', where: 'facts', mustMention: ['18', 'leaves Hailsham'] },
  { seed: 'some volunteered as carers', where: 'facts', mustMention: ['volunteer', 'carers'] },
  { seed: 'the Cottages in 1985', where: 'facts', mustMention: ['Cottages', '1985'] },
  {
    seed: 'they live with people from other schools',
    where: 'facts',
    mustMention: ['other schools', 'Cottages'],
  },
  { seed: 'they use bracelets to check in and out', where: 'facts', mustMention: ['bracelets', 'check'] },
  {
    seed: 'the Hailsham students pretend to enjoy the sitcom',
    where: 'facts',
    mustMention: ['sitcom', 'Rodney', 'Chrissie'],
  },
  { seed: 'Ruth imitates the people on TV', where: 'facts', mustMention: ['Ruth', 'TV', 'fit in'] },
  {
    seed: 'Ruth accuses Kathy of being envious',
    where: 'facts',
    mustMention: ['jealous', 'Kathy', 'nobody'],
  },
  {
    seed: 'Kathy sees Ruth and Tommy having sex',
    where: 'facts',
    mustMention: ['Ruth', 'Tommy', 'sex', 'door'],
  },
  {
    seed: 'Kathy looks at porn magazines in the barn',
    where: 'facts',
    mustMention: ['porn magazines', 'barn'],
  },
  { seed: 'Tommy talks about kicks', where: 'facts', mustMention: ['kicks'] },
  {
    seed: 'Rodney and Chrissie saw Ruth’s possible original',
    where: 'facts',
    mustMention: ['Rodney', 'Chrissie', 'original', 'office'],
  },
  {
    seed: 'they all order the same thing as Rodney',
    where: 'facts',
    mustMention: ['café', "Rodney's order"],
  },
  {
    seed: 'a deferral if they prove they are in love',
    where: 'facts',
    mustMention: ['deferred', 'in love', 'few years'],
  },
  { seed: 'many Hailsham stories were not true', where: 'facts', mustMention: ['stories', 'untrue'] },
  {
    seed: 'the woman at the travel agency does not look like Ruth',
    where: 'facts',
    mustMention: ['travel agency', 'face'],
  },
  {
    seed: 'they are modelled on trash',
    where: 'facts',
    mustMention: ['trash', 'prostitutes', 'junkies', 'prisoners'],
  },
  {
    seed: 'Tommy thinks the Gallery looked into their souls',
    where: 'facts',
    mustMention: ['Tommy', 'Gallery', 'souls'],
  },
  { seed: 'a deferral with Ruth would not work', where: 'facts', mustMention: ["wouldn't work", 'Ruth'] },
  {
    seed: 'none of Tommy’s art went to the Gallery',
    where: 'facts',
    mustMention: ['none', 'art', 'Gallery'],
  },
  { seed: 'Kathy dismisses Tommy’s theory', where: 'facts', mustMention: ['Kathy', 'dismisses', 'theory'] },
  { seed: 'Tommy is passive when Ruth is loud', where: 'facts', mustMention: ['passive', 'loud'] },
  { seed: 'Kathy listens to the tape on headphones', where: 'facts', mustMention: ['headphones', 'tape'] },
  {
    seed: 'Ruth and Tommy laughed about Kathy and the magazines',
    where: 'facts',
    mustMention: ['laughed', 'magazines'],
  },
  { seed: 'Kathy is left crying', where: 'facts', mustMention: ['Kathy', 'tears'] },
  { seed: 'Kathy applies to be a carer', where: 'facts', mustMention: ['applies', 'carer'] },
  {
    seed: 'being a carer is a temporary reprieve from donations',
    where: 'facts',
    mustMention: ['reprieve', 'carer'],
  },
  { seed: 'Ruth and Tommy split up', where: 'facts', mustMention: ['Ruth', 'Tommy', 'split'] },
  // Completion
  { seed: 'the caption Completion, 1994', where: 'facts', mustMention: ['Completion, 1994'] },
  {
    seed: 'the last section is set nine years after 1985, in 1994',
    where: 'facts',
    mustMention: ['nine years', 'Cottages'],
  },
  {
    seed: 'Kathy drives between centres and hospitals',
    where: 'facts',
    mustMention: ['driving', 'centres', 'hospitals'],
  },
  {
    seed: 'Kathy brings chocolate to the eyepatch donor',
    where: 'facts',
    mustMention: ['chocolate', 'eyepatch'],
  },
  {
    seed: 'the eyepatch donor dies and Kathy signs a form',
    where: 'facts',
    mustMention: ['eyepatch', 'form'],
  },
  { seed: 'Ruth has made her second donation', where: 'facts', mustMention: ['Ruth', 'second donation'] },
  { seed: 'Ruth struggles with a walker', where: 'facts', mustMention: ['Ruth', 'walker'] },
  {
    seed: 'the rumour that they switch you off',
    where: 'facts',
    mustMention: ['technically', 'switch you off'],
  },
  { seed: 'Ruth wants to see the stranded boat', where: 'facts', mustMention: ['beach', 'boat', 'stranded'] },
  {
    seed: 'Tommy hugs Kathy long and kisses Ruth briefly',
    where: 'facts',
    mustMention: ['long hug', 'quick kiss'],
  },
  { seed: 'Tommy is very thin', where: 'facts', mustMention: ['Tommy', 'thin'] },
  { seed: 'Hailsham has closed', where: 'facts', mustMention: ['Hailsham', 'closed'] },
  { seed: 'Tommy feels ill at the boat', where: 'facts', mustMention: ['Tommy', 'boat', 'ill'] },
  { seed: 'Ruth asks forgiveness for keeping them apart', where: 'facts', mustMention: ['forgive', 'apart'] },
  { seed: 'Ruth did not want to be left alone', where: 'facts', mustMention: ['Ruth', 'left alone'] },
  { seed: 'Ruth gives them Madame’s address', where: 'facts', mustMention: ["Madame's address", 'deferral'] },
  { seed: 'Ruth is consumed with guilt', where: 'facts', mustMention: ['Ruth', 'guilt'] },
  { seed: 'Tommy shows Kathy his drawings', where: 'facts', mustMention: ['drawings', 'wonderful'] },
  {
    seed: 'Kathy was looking for her original in the magazines',
    where: 'facts',
    mustMention: ['magazines', 'original'],
  },
  { seed: 'Kathy had strong sexual urges', where: 'facts', mustMention: ['sexual urges'] },
  {
    seed: 'Kathy reads to Tommy and they hold each other',
    where: 'facts',
    mustMention: ['reads', 'hold each other'],
  },
  { seed: 'Ruth says Good', where: 'facts', mustMention: ['Ruth', 'Good'] },
  {
    seed: 'Ruth flatlines on the operating table',
    where: 'facts',
    mustMention: ['Ruth', 'operating table', 'flatlines'],
  },
  { seed: 'the organ may be her liver', where: 'facts', mustMention: ['liver'] },
  { seed: 'the doctors leave Ruth alone', where: 'facts', mustMention: ['machines', 'alone'] },
  {
    seed: 'they surprise Madame in her garden with the drawings',
    where: 'facts',
    mustMention: ['drawings', 'Madame', 'garden'],
  },
  { seed: 'Miss Emily is at Madame’s house', where: 'facts', mustMention: ['Miss Emily', "Madame's house"] },
  { seed: 'there are no deferrals', where: 'facts', mustMention: ['no deferrals'] },
  {
    seed: 'the Gallery asked whether they had souls at all',
    where: 'facts',
    mustMention: ['Gallery', 'souls at all'],
  },
  { seed: 'they were almost human', where: 'facts', mustMention: ['almost human'] },
  {
    seed: 'they were sacrificed to avoid the darkness',
    where: 'facts',
    mustMention: ['sacrificed', 'darkness'],
  },
  { seed: 'Tommy screams by the road', where: 'facts', mustMention: ['Tommy', 'screams'] },
  { seed: 'the patient at the O.R. window is Tommy', where: 'facts', mustMention: ['patient', 'Tommy'] },
  {
    seed: 'Tommy dies on the operating table',
    where: 'facts',
    mustMention: ['Tommy', 'dies', 'operating table'],
  },
  { seed: 'two weeks since she lost Tommy', where: 'facts', mustMention: ['two weeks'] },
  { seed: 'Kathy starts donations in a month', where: 'facts', mustMention: ['donations', 'in a month'] },
  {
    seed: 'Kathy imagines lost things washing up at the gate',
    where: 'facts',
    mustMention: ['gate', 'washes up'],
  },
  {
    seed: 'their lives may not differ from those they save',
    where: 'facts',
    mustMention: ['save', 'enough time'],
  },
  { seed: 'we all complete', where: 'facts', mustMention: ['we all complete'] },
  { seed: 'the screen fades to white', where: 'facts', mustMention: ['fades to white'] },
  // beats
  { seed: 'the sale scene', where: 'beats', mustMention: ['sale', 'toys'] },
  { seed: 'the wrist scanner scene', where: 'beats', mustMention: ['wrist', 'beeps'] },
  { seed: 'the café scene with Rodney', where: 'beats', mustMention: ['café', 'Rodney'] },
  { seed: 'the beach scene', where: 'beats', mustMention: ['beach', 'boat'] },
  { seed: 'the visit to Madame', where: 'beats', mustMention: ['Madame', 'garden'] },
  { seed: 'Tommy screaming by the roadside', where: 'beats', mustMention: ['Tommy', 'screaming'] },
  {
    seed: 'Kathy in the car after Tommy’s death',
    where: 'beats',
    mustMention: ['car', 'two weeks', 'month'],
  },
];

type Entry = Record<string, unknown>;

const load = (where: Where): Entry[] =>
  (JSON.parse(readFileSync(new URL(`${where}.json`, packDir), 'utf8')) as Record<Where, Entry[]>)[where];

/** All the words a reader can find an entry by. */
const searchable = (entry: Entry): string => {
  const parts: unknown[] = [
    entry.text,
    entry.summary,
    entry.name,
    entry.term,
    entry.definition,
    entry.description,
    ...((entry.aliases as string[] | undefined) ?? []),
    ...((entry.actors as { name: string; plays: string }[] | undefined) ?? []).map(
      (a) => `${a.name} ${a.plays}`,
    ),
  ];
  return parts
    .filter((part): part is string => typeof part === 'string')
    .join(' \n ')
    .toLowerCase();
};

const files = new Map<Where, string[]>();
const textsOf = (where: Where): string[] => {
  let texts = files.get(where);
  if (!texts) files.set(where, (texts = load(where).map(searchable)));
  return texts;
};

describe('the Never Let Me Go pack covers its seeds', () => {
  it('GIVEN the seed list THEN it is long enough to mean something', () => {
    expect(seedFacts.length).toBeGreaterThanOrEqual(120);
  });

  it.each(seedFacts)(
    "GIVEN the seeds say $seed THEN the pack's $where mention it",
    ({ where, mustMention }) => {
      const keywords = mustMention.map((keyword) => keyword.toLowerCase());
      const match = textsOf(where).find((text) => keywords.every((keyword) => text.includes(keyword)));
      expect(match, `no entry in ${where}.json mentions all of: ${mustMention.join(', ')}`).toBeDefined();
    },
  );
});
