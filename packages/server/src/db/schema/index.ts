// Every table of Tandem, one file per concept; drizzle-kit generates the migrations from this module.
export * from './audit';
