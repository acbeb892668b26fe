/** 模糊地址 search (R-GEN-03, R-PAY-01, R-UNI-01): any substring of a Chinese address, names, customer numbers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountSearch, planSearch } from '../../main/services/accounts.js';
import { addAccount, makeTestHost, type TestHost } from '../fixtures/host.js';

let host: TestHost;
let search: AccountSearch;

beforeAll(() => {
  host = makeTestHost({ accounts: 3000 });
  addAccount(host, { accountNo: '50000001', name: '张三', address: '温州市鹿城区人民路88号幸福小区5幢2单元301室' });
  addAccount(host, { accountNo: '50000002', name: '张三丰', address: '温州市鹿城区人民路88号幸福小区5幢1单元302室' });
  addAccount(host, { accountNo: '50000003', name: '百分之百', address: '温州市龙湾区"引号"路100%号_下划线_1幢1单元101室' });
  search = new AccountSearch(host.deps);
});
afterAll(() => host.dispose());

const names = (query: string) => search.search(query).rows.map((r) => r.name);

describe('account search', () => {
  it('finds by any substring of the address of three or more characters', () => {
    expect(names('幸福小区5幢2单元')).toEqual(['张三']);
    expect(names('5幢2单元301')).toEqual(['张三']);
    expect(names('区人民路88号幸福').sort()).toEqual(['张三', '张三丰']);
  });
  it('finds by short fragments and names, and combines terms', () => {
    expect(names('张三').sort()).toEqual(['张三', '张三丰']);
    expect(names('三丰')).toEqual(['张三丰']);
    expect(names('幸福小区 302')).toEqual(['张三丰']);
    expect(names('幸福小区 2单')).toEqual(['张三']);
    expect(names('张 丰')).toEqual(['张三丰']);
  });
  it('finds the same rows by the character index as by a LIKE scan for two-character fragments', () => {
    for (const q of ['鹿城', '8号', '3丰', '丰']) {
      const byIndex = search.search(q, 5000).rows.map((r) => r.id).sort();
      const byScan = search.searchWithLike(q, 5000).map((r) => r.id).sort();
      expect(byIndex, q).toEqual(byScan);
    }
  });
  it('puts an exact customer number first', () => {
    expect(search.search('50000002').rows[0]?.name).toBe('张三丰');
  });
  it('treats quotes, % and _ as text', () => {
    expect(names('"引号"路')).toEqual(['百分之百']);
    expect(names('100%号')).toEqual(['百分之百']);
    expect(names('_下划线_')).toEqual(['百分之百']);
    expect(names('%')).toEqual(['百分之百']);
  });
  it('gives the same rows as the LIKE baseline for a specific fragment', () => {
    const fts = search.search('幸福小区5幢').rows.map((r) => r.id).sort();
    const like = search.searchWithLike('幸福小区5幢').map((r) => r.id).sort();
    expect(fts).toEqual(like);
  });
  it('caps broad searches and says so', () => {
    const result = search.search('温州市');
    expect(result.rows).toHaveLength(50);
    expect(result.truncated).toBe(true);
  });
  it('plans trigram and short terms', () => {
    expect(planSearch(' 幸福小区  5 幢2 % ')).toEqual({ trigramTerms: ['幸福小区'], charTerms: ['5', '幢2'], likeTerms: ['%'] });
  });
  it('keeps the index in step when an address is corrected', () => {
    host.store.sqlite.prepare("UPDATE accounts SET address = '温州市鹿城区解放路9号锦江公寓3幢2单元501室' WHERE account_no = '50000001'").run();
    expect(names('锦江公寓3幢')).toEqual(['张三']);
    expect(names('幸福小区5幢2单元')).toEqual([]);
  });
});
