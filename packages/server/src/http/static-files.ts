import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { App } from './context';

/** Serves the built web app, answering every non-API GET with `index.html` so client-side routes load. */
export function registerStaticFiles(app: App, webDist: string | undefined): void {
  if (!webDist || !existsSync(join(webDist, 'index.html'))) return;
  const indexHtml = readFileSync(join(webDist, 'index.html'), 'utf8');
  app.use(
    '/assets/*',
    async (c, next) => {
      await next();
      // Vite names assets by content hash, so they never change.
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    },
    serveStatic({ root: webDist }),
  );
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') return next();
    return serveStatic({ root: webDist })(c, next);
  });
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') return c.notFound();
    c.header('Cache-Control', 'no-cache');
    return c.html(indexHtml);
  });
}
