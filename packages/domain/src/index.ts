export * from './money';
export * from './period';
export * from './errors';
