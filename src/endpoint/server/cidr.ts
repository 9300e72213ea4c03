import { isIP } from 'node:net';

/**
 * CIDR allowlists for IPv4 and IPv6. An IPv4-mapped IPv6 address (`::ffff:10.0.0.1`, what a dual-stack
 * socket reports for an IPv4 client) is compared as the IPv4 address it is, both as a client and in a rule.
 */

export interface CidrRange {
  readonly version: 4 | 6;
  readonly base: bigint;
  readonly prefix: number;
  readonly text: string;
}

/** The range, or a reason it is not one. */
export function parseCidr(text: string): CidrRange | string {
  const [address, bits, extra] = text.trim().split('/');
  if (extra !== undefined || address === undefined) return `'${text}' is not an address or CIDR range`;
  const ip = parseAddress(address);
  if (!ip) return `'${address}' is not an IPv4 or IPv6 address`;
  const width = ip.version === 4 ? 32 : 128;
  if (bits !== undefined && !/^\d{1,3}$/.test(bits)) return `'/${bits}' is not a prefix length`;
  const prefix = bits === undefined ? width : Number(bits) - (ip.mapped ? 96 : 0);
  if (prefix < 0 || prefix > width)
    return `the prefix length /${bits ?? ''} is out of range for IPv${ip.version} (0–${ip.mapped ? 128 : width})`;
  return { version: ip.version, base: mask(ip.value, prefix, width), prefix, text };
}

/** True when `address` (as a socket reports it) is inside one of the ranges. */
export function matchesAny(address: string, ranges: readonly CidrRange[]): boolean {
  const ip = parseAddress(address);
  if (!ip) return false;
  const width = ip.version === 4 ? 32 : 128;
  return ranges.some((r) => r.version === ip.version && mask(ip.value, r.prefix, width) === r.base);
}

/** A parsed address: IPv4-mapped IPv6 addresses become IPv4. */
export function parseAddress(text: string): { version: 4 | 6; value: bigint; mapped: boolean } | undefined {
  const address = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const kind = isIP(address);
  if (kind === 4) return { version: 4, value: ipv4ToBigInt(address), mapped: false };
  if (kind !== 6) return undefined;
  const value = ipv6ToBigInt(address);
  if (value >> 32n === 0xffffn) return { version: 4, value: value & 0xffffffffn, mapped: true };
  return { version: 6, value, mapped: false };
}

function mask(value: bigint, prefix: number, width: number): bigint {
  const shift = BigInt(width - prefix);
  return (value >> shift) << shift;
}

function ipv4ToBigInt(address: string): bigint {
  return address.split('.').reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n);
}

function ipv6ToBigInt(address: string): bigint {
  let text = address.toLowerCase();
  // A trailing dotted quad (`::ffff:1.2.3.4`) is two groups.
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const v4 = ipv4ToBigInt(quad[1]!);
    text = `${text.slice(0, quad.index)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups =
    tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n);
}
