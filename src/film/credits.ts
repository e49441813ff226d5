/** How a credit reads after the character's name: "Ella Purnell: Ruth (as a child)". */
export const creditSuffix = { adult: '', child: ' (as a child)', both: '' } as const;

/** The same, inside a sentence: "Ruth is played by Keira Knightley as an adult and Ella Purnell as a child." */
export const creditPhrase = { adult: ' as an adult', child: ' as a child', both: '' } as const;
