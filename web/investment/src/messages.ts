import type { Messages } from '@kpd/web-kit';

type Key = 'title' | 'tabChains' | 'tabCompanies' | 'tabPipeline' | 'tabBoard';

/** The app's frame; its pages speak Chinese, the language of the source reports and of its users. */
export const messages: Messages<Key> = {
  zh: { title: '招商图谱', tabChains: '产业链图谱', tabCompanies: '目标企业', tabPipeline: '招商项目', tabBoard: '招商看板' },
  en: { title: 'Investment attraction', tabChains: 'Chain maps', tabCompanies: 'Target companies', tabPipeline: 'Pipeline', tabBoard: 'Board' },
};
