/**
 * The cleaning rules for any page, in the same shape as a publisher's rules
 * file: kinds of page chrome that many Chinese news sites share (share bars,
 * breadcrumbs, credit lines, datelines, QR-code prompts, adverts, related
 * links). A publisher's rules are applied before these; a publisher may turn
 * one off by name (`skipGeneric`). Anything particular to one site belongs in
 * that site's file under corpus/ingest/, not here.
 */
import type { IngestRules } from './rule-schema.js';

const SENTENCE_MARK = '[，。；！？,;!?]';
// Places a reporter files from, written after the names in a byline (毛麗娟深圳報道).
const FILED_FROM = '香港|深圳|北京|廣州|广州|上海|澳門|澳门|珠海|東莞|东莞|佛山|杭州|南京|天津|武漢|武汉|成都|重慶|重庆|台北|臺北';
const DATE = String.raw`\d{4}(?:年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|\.\d{1,2}\.\d{1,2})`;
const CREDIT_ROLE = [
  '本期编辑',
  '本期編輯',
  '责任编辑',
  '責任編輯',
  '美术编辑',
  '美術編輯',
  '编辑',
  '編輯',
  '责编',
  '責編',
  '作者',
  '来源',
  '來源',
  '稿源',
  '策划',
  '策劃',
  '监制',
  '監制',
  '记者',
  '記者',
  '实习记者',
  '實習記者',
  '通讯员',
  '通訊員',
  '剪辑',
  '剪輯',
  '出品',
  '新媒体统筹',
  '新媒體統籌',
  '校对',
  '校對',
  '审校',
  '審校',
  '摄影',
  '攝影',
  '撰文',
].join('|');

/** The generic rules, as a publisher's file would write them. */
export const GENERIC_RULES: Omit<IngestRules, 'publisher' | 'markers'> = {
  drop: [
    { rule: 'end-of-article', from: '^(?:阅读原文|閱讀原文|关注我们|關注我們)$', note: 'WeChat-style closing: what follows is site furniture' },
    {
      rule: 'related-links',
      from: '^(?:相关阅读|相關閱讀|相关新闻|相關新聞|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|相关文章|相關文章|热门推荐|熱門推薦|猜你喜欢|猜你喜歡)\\s*[:：]?$',
    },
    { rule: 'share-bar', line: '^(?:分享到|分享至|分享本文)(?:[:：]|\\s|$)', maxLength: 80 },
    { rule: 'breadcrumb', line: '^(?:[^\\s>＞›»]{1,15}\\s*(?:>|＞|›|»)\\s*){2,}[^\\s>＞›»]{1,30}$', maxLength: 100 },
    { rule: 'location-bar', line: '^(?:当前位置|當前位置|您的位置|你的位置|您现在的位置|您現在的位置)[:：]' },
    { rule: 'photo-credit', line: '^\\*?(?:题图来源|題圖來源)' },
    { rule: 'original-title', line: '^(?:原标题|原標題)[:：]' },
    { rule: 'image-source', line: '^[（(](?:图片来源|圖片來源)[:：].*[)）]$' },
    { rule: 'qr-code', line: '^(?:扫一扫|掃一掃|扫描二维码|掃描二維碼|扫码|掃碼|长按二维码|長按二維碼|长按识别|長按識別)' },
    { rule: 'advert', line: '^[-—\\s]*(?:广告|廣告|Advertisement|ADVERTISEMENT)[-—\\s]*$' },
    { rule: 'markdown-rule', line: '^-{3,}$' },
    { rule: 'credit', line: `^(?:${CREDIT_ROLE})\\s*[:：|｜]` },
    { rule: 'bracketed-credit', line: '^[（(](?:责任编辑|責任編輯|编辑|編輯|责编|責編)[:：].*[)）]$' },
    { rule: 'caption', line: '^[▲►▼◄]', next: `^[^，。；！？,;!?]{1,6}$`, note: 'a print caption, and the photo agency on the line after it (新華社)' },
    { rule: 'byline', line: '[记記]者', unless: SENTENCE_MARK, maxLength: 40 },
  ],
  fields: [
    { rule: 'publish-time', line: `^(?:发布时间|發佈時間|發布時間|发表时间|發表時間|更新时间|更新時間)[:：]\\s*(?:(?<published>${DATE}))?` },
    { rule: 'dateline', line: `^(?<published>${DATE})\\s*\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s|$)` },
    { rule: 'author-credit', line: '^(?:作者|记者|記者)\\s*[:：|｜]\\s*(?<authors>.+)$' },
    { rule: 'source-line', line: '^(?:来源|來源|稿源)\\s*[:：|｜]\\s*\\[?(?<publisher>[^\\[\\]()（）]+?)\\]?(?:\\((?<url>https?:[^)\\s]+)\\))?\\s*$' },
    {
      rule: 'reporter-byline',
      line: `^\\S{0,20}?[记記]者\\s*(?<authors>[\\p{Han}·、 ]{2,30}?)\\s*(?:(?:${FILED_FROM})?(?:報道|报道|報導|报导))?$`,
      unless: SENTENCE_MARK,
      maxLength: 40,
    },
  ],
  skipGeneric: [],
};
