export * from './schemas';
export * from './checklist';
export * from './tree';
