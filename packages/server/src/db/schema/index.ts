// Every table of Tandem, one file per concept; drizzle-kit generates the migrations from this module.
export * from './audit';
export * from './products';
export * from './programs';
export * from './projects';
export * from './tasks';
