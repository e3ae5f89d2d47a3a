// Builds the web app when its bundle is missing or older than its sources, so `npm start` works on a fresh clone.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const web = join(root, 'packages', 'web');
const bundle = join(web, 'dist', 'index.html');

function newest(dir) {
  let latest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    latest = Math.max(latest, stat.isDirectory() ? newest(path) : stat.mtimeMs);
  }
  return latest;
}

if (
  existsSync(join(web, 'src')) &&
  (!existsSync(bundle) || statSync(bundle).mtimeMs < newest(join(web, 'src')))
) {
  console.log('Building the web app…');
  execSync('npm run build:web', { cwd: root, stdio: 'inherit' });
}
