export * from './read-document';
export * from './references';
export * from './item-order';
export * from './markdown';
export * from './csv';
