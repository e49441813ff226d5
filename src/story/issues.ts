/** One problem found in a pack: which file, where in it, and what is wrong, in plain words. */
export interface PackIssue {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

/** `$.facts[3].learnedAt`, the JSON path notation editors and jq users know. */
export const jsonPath = (segments: readonly PropertyKey[]): string =>
  segments.reduce<string>(
    (path, segment) => (typeof segment === 'number' ? `${path}[${segment}]` : `${path}.${String(segment)}`),
    '$',
  );

export const formatIssue = (issue: PackIssue): string => `${issue.file} ${issue.path}: ${issue.message}`;

export class PackInvalidError extends Error {
  constructor(
    readonly dir: string,
    readonly issues: readonly PackIssue[],
  ) {
    super(
      `The story pack in ${dir} has ${issues.length} problem(s):\n` +
        issues.map((issue) => `  ${formatIssue(issue)}`).join('\n'),
    );
    this.name = 'PackInvalidError';
  }
}
