import { PROBLEM_CATEGORY_LABELS, type ProblemCategory } from '@kpd/domain';

/** The problem categories in both languages, for every app that shows or picks one; Chinese as packages/domain names them. */
export const PROBLEM_CATEGORY_MESSAGES: { zh: Readonly<Record<ProblemCategory, string>>; en: Readonly<Record<ProblemCategory, string>> } = {
  zh: PROBLEM_CATEGORY_LABELS,
  en: {
    LAND: 'Land',
    PLANNING: 'Planning',
    PERMITS: 'Permits',
    POWER: 'Power',
    DEMOLITION: 'Demolition',
    UTILITIES: 'Utilities',
    FINANCING: 'Financing',
    OTHER: 'Other',
  },
};
