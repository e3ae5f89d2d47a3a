// Every table of Tandem, one file per concept; drizzle-kit generates the migrations from this module.

export * from './api-tokens';
export * from './assignments';
export * from './audit';
export * from './baselines';
export * from './costs';
export * from './entity-members';
export * from './import-jobs';
export * from './invitations';
export * from './login-attempts';
export * from './password-resets';
export * from './products';
export * from './programs';
export * from './projects';
export * from './reports';
export * from './resources';
export * from './saved-views';
export * from './sessions';
export * from './share-links';
export * from './sprints';
export * from './task-comments';
export * from './task-links';
export * from './tasks';
export * from './time-entries';
export * from './timesheets';
export * from './users';
export * from './workspaces';
