/** The entry and output of a server bundle. */
export interface ServerBuild {
  entry: string;
  outfile: string;
}

/** Where the default bundle of `tandem` lives, beside the CLI's sources. */
export const defaultBuild: ServerBuild;

/** True when `outfile` exists and no file it was built from changed since. */
export function isBuildFresh(outfile: string): boolean;

/** Builds the bundle of `entry` into `outfile`. */
export function buildServer(build?: ServerBuild): Promise<void>;

/** Builds the bundle unless it is fresh, and returns its path. */
export function ensureServerBuilt(
  options?: Partial<ServerBuild> & { force?: boolean; quiet?: boolean },
): Promise<string>;
