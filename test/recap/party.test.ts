import { beforeAll, describe, expect, it } from 'vitest';
import { parsePosition } from '../../src/position/parse.js';
import { renderReply } from '../../src/reply/render.js';
import { recapReply, recapUntil } from '../../src/recap/recap.js';
import type { Pack } from '../../src/story/pack.js';
import { bundledPack } from '../support/pack.js';
import { shown, visible } from './helpers.js';

let pack: Pack;
beforeAll(async () => {
  pack = await bundledPack();
});

describe('a recap past the watch party in the channel', () => {
  const party = () => parsePosition('hailsham', pack).seconds;

  it('GIVEN until beyond the party THEN what lies past it is behind spoiler bars, after a plain warning', () => {
    for (const length of ['short', 'full'] as const) {
      const text = shown(
        recapUntil(pack, parsePosition('cottages', pack).seconds, { length, partySeconds: party() }),
      );
      expect(text).toMatch(/Spoiler warning\*\*: this channel's watch party is only at about 0:36/);
      expect(visible(text)).not.toMatch(/Rodney|Chrissie|deferral/);
      expect(text).toMatch(/\|\|[^|]*Cottages[^|]*\|\|/);
    }
  });

  it('GIVEN a full recap beyond the party THEN the embeds hide the later part too', () => {
    const message = renderReply(
      recapReply(pack, parsePosition('cottages', pack), { length: 'full', partySeconds: party() }),
    );
    const cottages = message.embeds.find((e) => e.title === pack.chapters[2]!.title)!;
    expect(cottages.description).toMatch(/^\*\*Spoiler warning\*\*/);
    expect(visible(cottages.description!)).not.toMatch(/Rodney|Chrissie|deferral/);
  });

  it('GIVEN until at or before the party THEN nothing is hidden and there is no warning', () => {
    const text = shown(recapUntil(pack, party(), { length: 'short', partySeconds: party() }));
    expect(text).not.toMatch(/Spoiler warning|\|\|/);
  });
});
