import type { Pack } from '../story/pack.js';
import { creditSuffix } from './credits.js';
import { formatFilmTime } from '../story/time.js';
import { reply, text, type Reply } from '../reply/model.js';

/** The film at a glance: only what a poster or the opening credits would tell you. */
export const filmCard = (pack: Pack): Reply => {
  const { film } = pack;
  const cast = pack.characters.flatMap((character) =>
    character.actors.map((actor) => `${actor.name}: ${character.name}${creditSuffix[actor.plays]}`),
  );
  const chapters = pack.chapters.map(
    (chapter) => `${chapter.title} (about ${formatFilmTime(chapter.start)}–${formatFilmTime(chapter.end)})`,
  );
  const basedOn = film.basedOn
    ? `${film.basedOn.title}, ${film.basedOn.form} by ${film.basedOn.author}`
    : 'Original screenplay';
  return reply([], {
    embeds: [
      {
        title: `${film.title} (${film.year})`,
        description: [[text(film.logline)]],
        fields: [
          { name: 'Director', value: [[text(film.director)]], inline: true },
          { name: 'Screenplay', value: [[text(film.screenplay)]], inline: true },
          { name: 'Runtime', value: [[text(`${film.runtimeMinutes} min`)]], inline: true },
          { name: 'Based on', value: [[text(basedOn)]], inline: true },
          { name: 'Genre', value: [[text(film.genres.join(', '))]], inline: true },
          { name: 'Language', value: [[text(film.language)]], inline: true },
          { name: 'Cast', value: cast.map((line) => [text(line)]) },
          { name: 'Chapters (times approximate)', value: chapters.map((line) => [text(line)]) },
        ],
        footer: 'No spoilers here. Ask with /ask; catch up with /recap.',
      },
    ],
  });
};
