/**
 * One or more sample inputs per slash command, typed as in the console. The
 * end-to-end test sends each through discord.js and the fake Discord and
 * expects exactly what the console shows. A command with no sample here fails
 * that test: add one when you add a command.
 */
export const SAMPLES: Readonly<Record<string, readonly string[]>> = {
  film: ['/film'],
  help: ['/help'],
  ask: ['/ask question:who plays ruth', '/ask question:who dies watched:1:30 private:true'],
  progress: ['/progress set watched:45m', '/progress show', '/progress clear'],
  recap: ['/recap until:45m', '/recap until:end length:full'],
  character: ['/character name:ruth', '/character name:tommy watched:end private:false'],
  watchparty: [
    '/watchparty timezone zone:Europe/London',
    '/watchparty start starts:in 10m event:false',
    '/watchparty status',
    '/watchparty pause',
    '/watchparty resume',
    '/watchparty sync position:45m',
    '/watchparty stop',
  ],
};

/**
 * For each command with an autocomplete option: lines whose last option is the
 * one being typed. Discord asks for suggestions as the user types; the test
 * expects the console's `:complete` suggestions.
 */
export const AUTOCOMPLETE_SAMPLES: Readonly<Record<string, readonly string[]>> = {
  ask: ['/ask question:who is ruth watched:hail'],
  progress: ['/progress set watched:1', '/progress set watched:hail'],
  recap: ['/recap until:4'],
  character: ['/character name:t', '/character name:ruth watched:1:'],
  watchparty: ['/watchparty timezone zone:europe/lo'],
};
