/**
 * What bare 元 means in a source. The number reader reads 元 alone as
 * renminbi, as the mainland press writes it; the Hong Kong press writes it
 * for Hong Kong dollars (政府預留5億元), Macao's for patacas, Taiwan's for New
 * Taiwan dollars. An article may say otherwise for itself: 1000億元（人民幣，
 * 下同） makes every bare 元 after it renminbi.
 */
import type { NumberMatch } from '@factcite/core';

/** Where a publisher is: HK, MO, TW or CN. */
export type Region = 'HK' | 'MO' | 'TW' | 'CN';

const REGION_CURRENCY: Record<Region, string> = { HK: 'HKD', MO: 'MOP', TW: 'TWD', CN: 'CNY' };
const NAMED: Record<string, string> = {
  人民幣: 'CNY',
  人民币: 'CNY',
  港元: 'HKD',
  港幣: 'HKD',
  港币: 'HKD',
  美元: 'USD',
  澳門元: 'MOP',
  澳门元: 'MOP',
  新台幣: 'TWD',
  新台币: 'TWD',
};
// （人民幣，下同）, (港元，下同): the currency of bare 元 from here on.
const SAME_BELOW = /[（(](人民幣|人民币|港元|港幣|港币|美元|澳門元|澳门元|新台幣|新台币)[，,、]?\s*下同[）)]/gu;
// 5億元（人民幣）right after an amount: that amount's currency.
const RIGHT_AFTER = /^[（(](人民幣|人民币|港元|港幣|港币|美元|澳門元|澳门元|新台幣|新台币)[）)，,]/u;

/** The last declaration at or before an offset, by binary search: a body full of them stays linear. */
function lastAtOrBefore<T extends { at: number }>(sorted: T[], offset: number): T | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.at <= offset) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo - 1];
}

/** 元 written alone, which the reader took for renminbi by default. */
function isBareYuan(n: NumberMatch): boolean {
  return n.unit === 'CNY' && (n.unitText === '元' || n.unitText === '圓');
}

/**
 * A reader of bare 元 for one body: `currencyAt(offset, match)` is the
 * currency of an amount at that offset of the body, and why.
 */
export function bareYuanReader(
  body: string,
  region: { region: Region; reason: string } | undefined,
): (offset: number, n: NumberMatch) => { unit: string; why: string } | undefined {
  const declared = [...body.matchAll(SAME_BELOW)].map((m) => ({ at: m.index, unit: NAMED[m[1]!]!, text: m[0] }));
  return (offset, n) => {
    if (!isBareYuan(n)) return undefined;
    const end = offset + n.text.length;
    const after = RIGHT_AFTER.exec(body.slice(end, end + 8));
    if (after) {
      const note = lastAtOrBefore(declared, end);
      return { unit: NAMED[after[1]!]!, why: `元 as ${note?.at === end ? note.text : after[0]} says` };
    }
    const last = lastAtOrBefore(declared, offset + n.text.length);
    if (last) return { unit: last.unit, why: `元 as ${last.text} says` };
    if (region) return { unit: REGION_CURRENCY[region.region], why: `bare 元 read as ${REGION_CURRENCY[region.region]}: ${region.reason}` };
    return undefined;
  };
}
