export * from './mentions';
export * from './local-time';
export * from './sentences';
