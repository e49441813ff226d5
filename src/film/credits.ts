/** How a credit reads after the character's name: "Ella Purnell: Ruth (as a child)". */
export const creditSuffix = { adult: '', child: ' (as a child)', both: '' } as const;
