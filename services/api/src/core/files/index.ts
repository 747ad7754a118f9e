export * from './stored-file.entity';
export * from './files.service';
export * from './storage';
export { fileJson, displayName } from './files.routes';
export * from './stored-picture';
