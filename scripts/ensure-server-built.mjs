// Bundles the Node code of `tandem` (cli, server, interop, core) into one JavaScript file when the bundle is missing or
// any file it was built from changed, so `npm start` and the `tandem` command load one prebuilt module instead of
// transpiling several hundred TypeScript files on every start. Tests and development keep running the sources through
// tsx. Run by hand: `node scripts/ensure-server-built.mjs [--force]`.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = join(import.meta.dirname, '..');
const thisScript = fileURLToPath(import.meta.url);

/** Where the default bundle and its list of inputs live, beside the CLI's sources. */
export const defaultBuild = {
  entry: join(repoRoot, 'packages', 'cli', 'src', 'main.ts'),
  outfile: join(repoRoot, 'packages', 'cli', 'dist', 'tandem.mjs'),
};

function manifestPath(outfile) {
  return `${outfile}.inputs.json`;
}

function fingerprint(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? `${stat.size}:${stat.mtimeMs}` : 'missing';
}

/**
 * True when `outfile` exists and every file it was built from (and this script) still has the size and modification
 * time recorded at build time. Comparing for equality, not "newer than", also catches a file put back to older contents.
 */
export function isBuildFresh(outfile) {
  if (!existsSync(outfile) || !existsSync(manifestPath(outfile))) return false;
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath(outfile), 'utf8'));
  } catch {
    return false;
  }
  // Two builds at once may leave one's bundle beside the other's list of inputs; the list names its own bundle.
  if (manifest.builder !== fingerprint(thisScript) || manifest.bundle !== fingerprint(outfile)) return false;
  const base = dirname(outfile);
  for (const [path, recorded] of Object.entries(manifest.inputs ?? {})) {
    if (fingerprint(resolve(base, path)) !== recorded) return false;
  }
  return true;
}

// A package directory `node_modules/<name>` as Node finds it walking up from `from`, or undefined.
function packageDirFrom(from, name) {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Keeps every npm package outside the bundle (native addons, files read beside their modules, binaries found relative
 * to the package) and bundles only the workspace's own `@tandem/*` code. An external package must be the same one from
 * the bundle's folder as from the file that imports it, or the bundle would load another copy (or none).
 */
function externalPackages(outdir) {
  return {
    name: 'tandem-external-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.kind === 'entry-point' || args.path.startsWith('@tandem/')) return undefined;
        if (args.path.startsWith('node:')) return { path: args.path, external: true };
        const name = packageName(args.path);
        const fromSource = packageDirFrom(args.resolveDir, name);
        if (fromSource !== undefined && packageDirFrom(outdir, name) !== fromSource) {
          return {
            errors: [
              { text: `"${name}" resolves to ${fromSource}, which the bundle in ${outdir} would not load` },
            ],
          };
        }
        return { path: args.path, external: true };
      });
    },
  };
}

/**
 * Bundled modules all share the bundle's `import.meta.url`; each file's own use of it (paths to migrations, the web
 * bundle, fixtures) is rewritten to the URL the source file has, relative to the bundle so the checkout can move.
 */
function ownImportMetaUrl(outdir) {
  return {
    name: 'tandem-own-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta.')) return undefined;
        const fromBundle = relative(outdir, args.path).split(sep).join('/');
        const fileUrl = `new URL(${JSON.stringify(fromBundle)}, import.meta.url)`;
        const contents = source
          .replaceAll('import.meta.url', `${fileUrl}.href`)
          .replaceAll('import.meta.filename', `__tandemFileUrlToPath(${fileUrl})`)
          .replaceAll('import.meta.dirname', `__tandemDirname(__tandemFileUrlToPath(${fileUrl}))`);
        const helpers = contents.includes('__tandem')
          ? "import { fileURLToPath as __tandemFileUrlToPath } from 'node:url';\nimport { dirname as __tandemDirname } from 'node:path';\n"
          : '';
        const loader = args.path.endsWith('ts') ? 'ts' : 'js';
        return { contents: `${helpers}${contents}`, loader };
      });
    },
  };
}

/** Builds the bundle of `entry` into `outfile` (written whole, then renamed, so a concurrent start never reads half). */
export async function buildServer({ entry, outfile } = defaultBuild) {
  const { build, stop } = await import('esbuild');
  const outdir = dirname(outfile);
  mkdirSync(outdir, { recursive: true });
  const temporary = `${outfile}.${process.pid}.tmp`;
  try {
    const result = await build({
      entryPoints: [entry],
      outfile: temporary,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20.19',
      // Classes and functions keep their names (error names, stack traces) though the bundle shares one scope.
      keepNames: true,
      sourcemap: 'linked',
      metafile: true,
      logLevel: 'error',
      plugins: [externalPackages(outdir), ownImportMetaUrl(outdir)],
    });
    const inputs = {};
    for (const input of Object.keys(result.metafile.inputs)) {
      const path = resolve(input);
      inputs[relative(outdir, path)] = fingerprint(path);
    }
    renameSync(`${temporary}.map`, `${outfile}.map`);
    // The map's name inside the bundle is the temporary one; point it at the final one.
    const code = readFileSync(temporary, 'utf8').replace(
      /\/\/# sourceMappingURL=.*$/m,
      `//# sourceMappingURL=${outfile.split(sep).pop()}.map`,
    );
    writeFileSync(temporary, code);
    // A rename keeps the file's size and modification time, so the bundle's fingerprint is known before it lands.
    const manifest = { builder: fingerprint(thisScript), bundle: fingerprint(temporary), inputs };
    renameSync(temporary, outfile);
    writeFileSync(`${manifestPath(outfile)}.${process.pid}.tmp`, JSON.stringify(manifest));
    renameSync(`${manifestPath(outfile)}.${process.pid}.tmp`, manifestPath(outfile));
  } finally {
    // esbuild keeps a service process for further builds; a server that built its bundle needs none.
    await stop();
    rmSync(temporary, { force: true });
    rmSync(`${temporary}.map`, { force: true });
  }
}

/**
 * Builds the bundle unless it is fresh, and returns its path.
 * @example const bundle = await ensureServerBuilt(); await import(pathToFileURL(bundle).href);
 */
export async function ensureServerBuilt({ force = false, quiet = false, ...paths } = {}) {
  const target = { ...defaultBuild, ...paths };
  if (force || !isBuildFresh(target.outfile)) {
    if (!quiet) process.stderr.write('Building the server…\n');
    await buildServer(target);
  }
  return target.outfile;
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  await ensureServerBuilt({ force: process.argv.includes('--force') });
}
