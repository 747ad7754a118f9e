export * from './money';
export * from './period';
