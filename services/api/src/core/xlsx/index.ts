export * from './columns';
export * from './sheet';
export * from './import';
export * from './import-result.types';
export * from './csv';
export * from './send';
