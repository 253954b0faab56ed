export * from './common';
export * from './auth';
export * from './workspace';
export * from './template';
export * from './project';
