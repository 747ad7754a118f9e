export * from './money';
export * from './period';
export * from './errors';
export * from './dates';
export * from './workdays';
export * from './ratios';
export * from './lights';
export * from './plan';
