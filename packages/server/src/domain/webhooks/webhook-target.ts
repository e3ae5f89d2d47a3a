import { lookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { invalid } from '../shared/errors';

/**
 * Address ranges a webhook may not reach unless internal targets are allowed: loopback, "this network", private
 * (RFC 1918, unique local), shared (CGNAT), link-local (cloud metadata at 169.254.169.254), benchmarking, multicast and
 * reserved; NAT64 and 6to4 prefixes, which can carry any IPv4 address, too.
 */
const internal = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  internal.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  // The unspecified and loopback addresses, and the IPv4-compatible ones (::10.0.0.1) around them.
  ['::', 96],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  internal.addSubnet(network, prefix, 'ipv6');
}

/** True when an IP address is loopback, private, link-local or otherwise not on the public internet. */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return internal.check(address, 'ipv4');
  if (family !== 6) return true;
  // An IPv4-mapped address (::ffff:10.0.0.1, or ::ffff:a00:1 as URLs write it) reaches the IPv4 host it carries.
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted?.[1]) return internal.check(dotted[1], 'ipv4');
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex?.[1] && hex[2]) {
    const high = Number.parseInt(hex[1], 16);
    const low = Number.parseInt(hex[2], 16);
    return internal.check(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, 'ipv4');
  }
  return internal.check(address, 'ipv6');
}

/**
 * Whether webhooks may reach internal addresses: `TANDEM_WEBHOOK_ALLOW_INTERNAL=true` set by whoever runs the server
 * (for receivers on the same network, and tests), never by a workspace user. Off by default.
 */
export function internalTargetsAllowed(): boolean {
  const value = process.env.TANDEM_WEBHOOK_ALLOW_INTERNAL?.toLowerCase();
  return value === 'true' || value === '1';
}

/** The error a refused target gets, at set-up (400 naming `url`) and in the delivery log. */
export class InternalTargetError extends Error {
  constructor(host: string, address: string) {
    super(
      `Webhook host ${host} resolves to the internal address ${address}; internal targets are refused unless the server sets TANDEM_WEBHOOK_ALLOW_INTERNAL=true`,
    );
    this.name = 'InternalTargetError';
  }
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

async function addressesOf(host: string): Promise<string[]> {
  if (isIP(host)) return [host];
  return new Promise((resolve) => {
    lookup(host, { all: true, verbatim: true }, (error, found) => {
      // A name that does not resolve now reaches nothing now; the delivery checks it again when it connects.
      resolve(error ? [] : found.map((entry) => entry.address));
    });
  });
}

/** Refuses (400 naming `url`) a webhook URL whose host is or resolves to an internal address, unless allowed. */
export async function checkWebhookUrl(text: string): Promise<void> {
  if (internalTargetsAllowed()) return;
  const url = new URL(text);
  const host = hostOf(url);
  for (const address of await addressesOf(host)) {
    if (isInternalAddress(address)) throw invalid('url', new InternalTargetError(host, address).message);
  }
}

/**
 * The DNS lookup a delivery's connection uses: it resolves the host and refuses an internal address in the very
 * lookup the socket connects with, so a name that answered with a public address when checked cannot answer with an
 * internal one at delivery time (DNS rebinding).
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, found) => {
    if (error) {
      callback(error, '', 0);
      return;
    }
    if (!internalTargetsAllowed()) {
      const refused = found.find((entry) => isInternalAddress(entry.address));
      if (refused) {
        callback(new InternalTargetError(hostname, refused.address), '', 0);
        return;
      }
    }
    if (options.all) (callback as unknown as (e: null, all: typeof found) => void)(null, found);
    else if (found[0]) callback(null, found[0].address, found[0].family);
    else callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
  });
};

/** Refuses, before connecting, a delivery URL whose host is an internal IP literal (which skips any lookup). */
export function assertLiteralAllowed(url: URL): void {
  const host = hostOf(url);
  if (isIP(host) && !internalTargetsAllowed() && isInternalAddress(host))
    throw new InternalTargetError(host, host);
}
