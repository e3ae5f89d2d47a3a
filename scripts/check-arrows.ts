/**
 * Checks the package ladder of the architecture (README, "Architecture"): every import of a workspace package, and every import of a Node or
 * DOM facility from `core`, must follow the arrows. Exits non-zero and names each offending import.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const allowed: Record<string, readonly string[]> = {
  core: [],
  interop: ['core'],
  server: ['core', 'interop'],
  web: ['core', 'server'],
  cli: ['server', 'interop', 'core'],
};

/** `web` may take only the API's types from `server`, never its code. */
const typeOnlyFrom: Record<string, readonly string[]> = { web: ['server'] };

const importPattern =
  /(?:import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export interface Violation {
  file: string;
  specifier: string;
  reason: string;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(name)) out.push(path);
  }
  return out;
}

/** Returns the arrow violations in one file's text, given the package it belongs to. */
export function violationsIn(pkg: string, file: string, text: string): Violation[] {
  const found: Violation[] = [];
  const isTest = /\.test\.tsx?$/.test(file);
  for (const match of text.matchAll(importPattern)) {
    const typeOnly = Boolean(match[1]);
    const specifier = match[2] ?? match[3] ?? '';
    const target = /^@tandem\/([a-z]+)/.exec(specifier)?.[1];
    if (target && target !== pkg) {
      if (!allowed[pkg]?.includes(target)) {
        found.push({ file, specifier, reason: `${pkg} may not depend on ${target}` });
      } else if (typeOnlyFrom[pkg]?.includes(target) && !typeOnly) {
        found.push({ file, specifier, reason: `${pkg} may import only types from ${target}` });
      }
    }
    if (specifier.startsWith('../../') && /\.\.\/\.\.\/(core|interop|server|web|cli)\//.test(specifier)) {
      found.push({ file, specifier, reason: 'reach another package through its name, not a relative path' });
    }
    if (
      pkg === 'core' &&
      !isTest &&
      (specifier.startsWith('node:') || /^(fs|path|os|crypto|http|child_process)$/.test(specifier))
    ) {
      found.push({ file, specifier, reason: 'core is pure: no Node modules' });
    }
  }
  if (
    pkg === 'core' &&
    !isTest &&
    /\b(Date\.now|Math\.random|new Date\(\s*\)|setTimeout|setInterval|fetch\()/.test(text)
  ) {
    found.push({
      file,
      specifier: '(ambient)',
      reason: 'core takes the clock, randomness and IO as arguments',
    });
  }
  return found;
}

function main(): void {
  const root = join(import.meta.dirname, '..', 'packages');
  const violations: Violation[] = [];
  for (const pkg of Object.keys(allowed)) {
    const dir = join(root, pkg, 'src');
    let files: string[] = [];
    try {
      files = sourceFiles(dir);
    } catch {
      continue;
    }
    for (const file of files)
      violations.push(...violationsIn(pkg, relative(join(root, '..'), file), readFileSync(file, 'utf8')));
  }
  if (violations.length > 0) {
    for (const v of violations) console.error(`${v.file}: ${v.specifier}: ${v.reason}`);
    console.error(`package arrows: ${violations.length} violation(s)`);
    process.exit(1);
  }
  console.log('package arrows: ok');
}

if (process.argv[1] && import.meta.filename === process.argv[1]) main();
