export * from './money';
export * from './dates';
export * from './errors';
export * from './i18n';
export * from './states';
export * from './client';
export * from './remote';
