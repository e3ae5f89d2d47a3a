import { createHmac } from 'node:crypto';

/** The header carrying the body's signature, `sha256=<hex HMAC-SHA256 of the raw body under the hook's secret>`. */
export const signatureHeader = 'X-Tandem-Signature';

/**
 * Signs a webhook body as receivers check it: HMAC-SHA256 of the exact bytes sent, hex, prefixed with the algorithm.
 * @example signatureOf('s3cret', '{"event":"ping"}') // 'sha256=…'
 */
export function signatureOf(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
