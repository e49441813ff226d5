import { describe, expect, it } from 'vitest';
import { storeKey } from '../../src/store/keys.js';

describe('storeKey', () => {
  it('GIVEN a kind and parts THEN the key is versioned and colon-joined', () => {
    expect(storeKey('progress', 'never-let-me-go', '100000000000000001')).toBe(
      'v1:progress:never-let-me-go:100000000000000001',
    );
  });

  it.each(['a:b', '', 'two words', 'x'.repeat(101)])(
    'GIVEN the part "%s" THEN it is refused, so two records can never share a key',
    (part) => {
      expect(() => storeKey('progress', part)).toThrow(/letters, digits/);
    },
  );
});
