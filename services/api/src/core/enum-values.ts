/**
 * The descriptions of an enum's values from its English meanings and its Chinese labels: "English. 中文".
 * Analysts read the English, officials the Chinese term; `architecture/enum-descriptions.test.ts` checks every
 * value carries both.
 */
export function bilingualValues<T extends string>(english: Readonly<Record<T, string>>, chinese: Readonly<Record<T, string>>): Record<T, { description: string }> {
  return Object.fromEntries((Object.keys(chinese) as T[]).map((k) => [k, { description: `${english[k]}. ${chinese[k]}` }])) as Record<T, { description: string }>;
}
