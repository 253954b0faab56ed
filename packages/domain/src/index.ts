export * from './schemas';
export * from './checklist';
export * from './progress';
export * from './kpi';
export * from './tree';
export * from './labels';
export { ROLES, canDeleteAuthored, roleAtLeast } from './roles';
export * from './notifications';
export * from './transfer';
