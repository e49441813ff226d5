import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'var/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Domain code must stay free of Discord: the adapters are the only place for it.
      'no-restricted-imports': 'off',
    },
  },
  {
    // @discordjs/formatters is plain string helpers (spoiler, bold, time), allowed where replies are rendered.
    files: [
      'src/story/**',
      'src/position/**',
      'src/answer/**',
      'src/recap/**',
      'src/party/**',
      'src/reply/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(discord\\.js|@discordjs/(?!formatters$).*)$',
              message: 'Domain code has no discord.js imports; put Discord specifics in src/discord/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'src/console/**'],
    rules: { 'no-console': 'off' },
  },
);
