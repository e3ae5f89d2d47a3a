import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

// Behind a reverse proxy every request comes from the proxy; TANDEM_TRUST_PROXY=1 makes the address the one the
// proxy appended last to X-Forwarded-For, which a client cannot forge past a proxy that appends.
const trustProxy = process.env.TANDEM_TRUST_PROXY === '1';

/** The client's IP address, used to key login rate limits and recorded on sessions. */
export function clientAddress(c: Context): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For');
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Requests made with app.request() in tests have no socket.
    return 'unknown';
  }
}
