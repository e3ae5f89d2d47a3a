// Every table of Tandem, one file per concept; drizzle-kit generates the migrations from this module.

export * from './api-tokens';
export * from './audit';
export * from './entity-members';
export * from './invitations';
export * from './login-attempts';
export * from './password-resets';
export * from './products';
export * from './programs';
export * from './projects';
export * from './sessions';
export * from './tasks';
export * from './users';
export * from './workspaces';
