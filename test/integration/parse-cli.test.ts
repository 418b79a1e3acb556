import { describe, expect, inject, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('cli parse', () => {
  it('prints one JSON line with values, invalid and ambiguous indicators and unused numbers (labels from the database)', async () => {
    const env = { DATABASE_URL: inject('databaseUrl') };
    const r = await runCli(
      [
        'parse',
        '--duty',
        'BC6T',
        '--unit',
        'THADS_HANOI',
        'đạt 83,5 % về việc ạ, tiền: 46.2%, ủng hộ 2.500.000đ, nhà 2,5',
      ],
      env,
    );
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toEqual({
      values: { thads_viec: 83.5, thads_tien: 46.2, ung_ho: 2_500_000 },
      invalid: ['ho_ngheo_nha'],
      ambiguous: [],
      unused: [],
    });
    const amb = await runCli(['parse', '--duty', 'BC6T', '--unit', 'THADS_HANOI', 'ủng hộ 1,234 tỷ'], env);
    expect(JSON.parse(amb.stdout)).toEqual({ values: {}, invalid: [], ambiguous: ['ung_ho'], unused: [] });
    const unused = await runCli(
      ['parse', '--duty', 'BC6T', '--unit', 'THADS_HANOI', 'nhà 15 căn, 350tr'],
      env,
    );
    expect(JSON.parse(unused.stdout)).toEqual({
      values: { ho_ngheo_nha: 15 },
      invalid: [],
      ambiguous: [],
      unused: ['350tr'],
    });
  });
});
