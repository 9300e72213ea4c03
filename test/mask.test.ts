import { describe, expect, it } from 'vitest';
import { maskSecret } from '../src/main.js';

describe('maskSecret', () => {
  it('masks a one-line value as it is', () => {
    const masked: string[] = [];
    maskSecret({ setSecret: (v) => masked.push(v) }, 'AKIAZ3MSJV4WQNKWW3D2');
    expect(masked).toEqual(['AKIAZ3MSJV4WQNKWW3D2']);
  });

  it('masks each body line of a key block, not its public header and footer', () => {
    const masked: string[] = [];
    const body = [
      'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
      'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u',
    ];
    const block = ['-----BEGIN RSA PRIVATE KEY-----', ...body, '-----END RSA PRIVATE KEY-----'].join('\n');
    maskSecret({ setSecret: (v) => masked.push(v) }, block);
    expect(masked).toEqual([block, ...body]);
  });
});
