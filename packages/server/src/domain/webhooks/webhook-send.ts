import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { signatureHeader, signatureOf } from './webhook-signature';
import { assertLiteralAllowed, guardedLookup, InternalTargetError } from './webhook-target';

/** How long a receiver has to answer; `TANDEM_WEBHOOK_TIMEOUT_MS` changes it (a slow receiver must not hold a write). */
export function timeoutMs(): number {
  const configured = Number(process.env.TANDEM_WEBHOOK_TIMEOUT_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : 5000;
}

/** How long a server holds a delivery it is attempting before another server may claim it again. */
export function leaseMs(): number {
  return Math.max(5 * 60_000, 2 * timeoutMs());
}

/** How one POST to a receiver ended. */
export interface SendOutcome {
  delivered: boolean;
  responseStatus: number | null;
  error: string | null;
  /** True when trying again cannot help (the target is an internal address that is refused). */
  permanent: boolean;
  durationMs: number;
}

const describe = (error: unknown): string => {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `No answer within ${timeoutMs()} ms`;
  }
  const code = (error as { code?: string } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${message} (${code})` : message;
};

function post(url: URL, headers: Record<string, string>, body: string): Promise<number> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        // The connection resolves the host through the guard, so the address checked is the address connected to.
        lookup: guardedLookup,
        signal: AbortSignal.timeout(timeoutMs()),
      },
      (response) => {
        // The answer's body is not needed; reading it frees the connection. Redirects are not followed.
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * POSTs one signed event body to a URL and says how it went: delivered on a 2xx answer; not delivered on any other
 * status, a timeout, a network error or a refused internal target. It never throws.
 */
export async function sendEvent(
  target: { url: string; secret: string },
  delivery: { id: string; event: string },
  body: string,
): Promise<SendOutcome> {
  const started = performance.now();
  const done = (outcome: Omit<SendOutcome, 'durationMs'>): SendOutcome => ({
    ...outcome,
    durationMs: Math.round(performance.now() - started),
  });
  try {
    const url = new URL(target.url);
    assertLiteralAllowed(url);
    const status = await post(
      url,
      {
        'content-type': 'application/json',
        'user-agent': 'Tandem-Webhooks/1',
        'x-tandem-event': delivery.event,
        'x-tandem-delivery': delivery.id,
        [signatureHeader.toLowerCase()]: signatureOf(target.secret, body),
      },
      body,
    );
    const delivered = status >= 200 && status < 300;
    return done({
      delivered,
      responseStatus: status,
      error: delivered ? null : `The receiver answered ${status}`,
      permanent: false,
    });
  } catch (caught) {
    return done({
      delivered: false,
      responseStatus: null,
      error: describe(caught),
      permanent: caught instanceof InternalTargetError,
    });
  }
}
