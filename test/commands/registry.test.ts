import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';

describe('the command registry', () => {
  it('GIVEN every command THEN names are unique', () => {
    const names = commands.map((command) => command.data.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(commands.map((command) => [command.data.name, command] as const))(
    'GIVEN /%s THEN its definition is valid for Discord',
    (_name, command) => {
      const json = command.data.toJSON();
      expect(json.name).toMatch(/^[-_\p{L}\p{N}]{1,32}$/u);
      expect(json.description.length).toBeGreaterThan(0);
      expect(json.description.length).toBeLessThanOrEqual(100);
      expect(JSON.stringify(json).length).toBeLessThan(8000);
      expect(typeof command.execute).toBe('function');
    },
  );
});
