import type { MessageLang } from './lang.js';

/**
 * Every message factcite shows a report writer, in every language it
 * speaks: diagnostics (core, so the CLI, the language server and the
 * extension say the same), quick-fix titles, and the CLI's human output.
 * Adding a message is one entry here; the type below makes a missing
 * language a compile error, and test/messages.test.ts checks that every
 * language uses the same placeholders.
 *
 * Placeholders: `{name}` is a parameter (a list is quoted and joined the
 * way the language joins lists, and a list of messages as clauses);
 * `{name:and}` joins a list with "and"; `{name:plain}` joins it unquoted;
 * `{name?one|other}` picks a form by whether the number `name` is 1
 * (English plurals; Chinese needs none). Quotes are written in each
 * language's own marks: "…" in English, “…” in Simplified, 「…」 in
 * Traditional as Hong Kong writes.
 */
export const CATALOGUE = {
  // Diagnostics of checkCitations.
  'unknown-fact': { en: 'Unknown fact "{id}"', 'zh-Hans': '找不到事实“{id}”', 'zh-Hant': '找不到事實「{id}」' },
  'unknown-fact.suggest': {
    en: 'Unknown fact "{id}"; did you mean {suggestions}?',
    'zh-Hans': '找不到事实“{id}”；是不是要引用{suggestions}？',
    'zh-Hant': '找不到事實「{id}」；是不是要引用{suggestions}？',
  },
  'deprecated-fact': { en: 'Fact "{id}" is deprecated', 'zh-Hans': '事实“{id}”已弃用', 'zh-Hant': '事實「{id}」已棄用' },
  'deprecated-fact.successor': {
    en: 'Fact "{id}" is deprecated; cite "{successor}" instead',
    'zh-Hans': '事实“{id}”已弃用，请改为引用“{successor}”',
    'zh-Hant': '事實「{id}」已棄用，請改為引用「{successor}」',
  },
  'malformed-citation': { en: 'Malformed citation: {detail}', 'zh-Hans': '引用格式有误：{detail}', 'zh-Hant': '引用格式有誤：{detail}' },
  'malformed-citation.unknown': {
    en: 'Malformed citation: {detail}; and no fact has the id "{id}"',
    'zh-Hans': '引用格式有误：{detail}；而且没有ID为“{id}”的事实',
    'zh-Hant': '引用格式有誤：{detail}；而且沒有ID為「{id}」的事實',
  },
  'malformed-citation.unknown-suggest': {
    en: 'Malformed citation: {detail}; and no fact has the id "{id}" (did you mean {suggestions}?)',
    'zh-Hans': '引用格式有误：{detail}；而且没有ID为“{id}”的事实（是不是要引用{suggestions}？）',
    'zh-Hant': '引用格式有誤：{detail}；而且沒有ID為「{id}」的事實（是不是要引用{suggestions}？）',
  },
  'value-mismatch': {
    en: 'Text says {found} but fact "{id}" says {expected} (source: "{quote}")',
    'zh-Hans': '正文写的是{found}，但事实“{id}”是{expected}（来源原文：“{quote}”）',
    'zh-Hant': '正文寫的是{found}，但事實「{id}」是{expected}（來源原文：「{quote}」）',
  },
  'value-mismatch.currency': {
    en: 'Text says {found}, another currency, but fact "{id}" says {expected} (source: "{quote}")',
    'zh-Hans': '正文写的是{found}（另一种货币），但事实“{id}”是{expected}（来源原文：“{quote}”）',
    'zh-Hant': '正文寫的是{found}（另一種貨幣），但事實「{id}」是{expected}（來源原文：「{quote}」）',
  },
  'value-mismatch.several': {
    en: 'Text says {found:and} but fact "{id}" says {expected} (source: "{quote}")',
    'zh-Hans': '正文写的是{found:and}，但事实“{id}”是{expected}（来源原文：“{quote}”）',
    'zh-Hant': '正文寫的是{found:and}，但事實「{id}」是{expected}（來源原文：「{quote}」）',
  },

  // What the citation parser finds wrong (the {detail} of malformed-citation).
  'citation.no-id': { en: 'fact citation has no id after "@fact:"', 'zh-Hans': '“@fact:”后面缺少事实ID', 'zh-Hant': '「@fact:」後面缺少事實ID' },
  'citation.invalid-id': {
    en: '"{id}" is not a valid fact id: ids are kebab-case (lowercase letters, digits, single hyphens)',
    'zh-Hans': '“{id}”不是有效的事实ID：ID只能由小写字母、数字和单个连字符组成',
    'zh-Hant': '「{id}」不是有效的事實ID：ID只可由小楷字母、數字和單一連字號組成',
  },
  'citation.ime-marks': {
    en: '"{typed}" typed with full-width {marks} (a Chinese input method); write "{rewrite}"',
    'zh-Hans': '“{typed}”用了中文输入法的全角符号{marks}；请写成“{rewrite}”',
    'zh-Hant': '「{typed}」用了中文輸入法的全形符號{marks}；請寫成「{rewrite}」',
  },
  'citation.ime-no-at': {
    en: '"{typed}" has no "@" before "fact:"; write "{rewrite}"',
    'zh-Hans': '“{typed}”的“fact:”前面缺少“@”；请写成“{rewrite}”',
    'zh-Hant': '「{typed}」的「fact:」前面缺少「@」；請寫成「{rewrite}」',
  },
  'citation.group-unclosed': { en: 'citation group is not closed with "]"', 'zh-Hans': '引用组缺少结尾的“]”', 'zh-Hant': '引用組缺少結尾的「]」' },
  'citation.needs-at': {
    en: 'citation key needs "@" before "fact:": write "{rewrite}"',
    'zh-Hans': '引用键的“fact:”前面要加“@”：请写成“{rewrite}”',
    'zh-Hant': '引用鍵的「fact:」前面要加「@」：請寫成「{rewrite}」',
  },
  'citation.separate': { en: 'separate cited facts with ";"', 'zh-Hans': '引用多个事实时请用“;”分隔', 'zh-Hant': '引用多項事實時請用「;」分隔' },

  // Suppression comments (<!-- factcite-disable… -->).
  'uncited-claim': {
    en: 'Uncited claim: {found} matches [@fact:{id}] ({expected}; {words:plain}); cite it',
    'zh-Hans': '未引用的说法：{found}与[@fact:{id}]相符（{expected}；{words:plain}），请加上引用',
    'zh-Hant': '未引用的說法：{found}與[@fact:{id}]相符（{expected}；{words:plain}），請加上引用',
  },
  'uncited-claim.contradicts': {
    en: 'Text says {found} about {words:plain}, but [@fact:{id}] says {expected}',
    'zh-Hans': '正文说{words:plain}是{found}，但[@fact:{id}]是{expected}',
    'zh-Hant': '正文說{words:plain}是{found}，但[@fact:{id}]是{expected}',
  },
  'fact-changed': {
    en: 'Fact "{id}" changed since {since}: {changes}',
    'zh-Hans': '事实“{id}”自{since}版以来有变：{changes}',
    'zh-Hant': '事實「{id}」自{since}版以來有變：{changes}',
  },
  'fact-changed.agrees': {
    en: 'Fact "{id}" changed since {since}: {changes}; this sentence\'s number still agrees',
    'zh-Hans': '事实“{id}”自{since}版以来有变：{changes}；本句的数字仍然相符',
    'zh-Hant': '事實「{id}」自{since}版以來有變：{changes}；本句的數字仍然相符',
  },
  'fact-changed.disagrees': {
    en: 'Fact "{id}" changed since {since}: {changes}; this sentence\'s {found} now disagrees',
    'zh-Hans': '事实“{id}”自{since}版以来有变：{changes}；本句的{found}已与之不符',
    'zh-Hant': '事實「{id}」自{since}版以來有變：{changes}；本句的{found}已與之不符',
  },
  'fact-changed.disagrees-fix': {
    en: 'Fact "{id}" changed since {since}: {changes}; this sentence\'s {found} now disagrees (now {replacement})',
    'zh-Hans': '事实“{id}”自{since}版以来有变：{changes}；本句的{found}已与之不符（现为{replacement}）',
    'zh-Hant': '事實「{id}」自{since}版以來有變：{changes}；本句的{found}已與之不符（現為{replacement}）',
  },
  'change.deprecated': { en: 'deprecated', 'zh-Hans': '已弃用', 'zh-Hant': '已棄用' },
  'change.deprecated-successor': {
    en: 'deprecated, replaced by "{successor}"',
    'zh-Hans': '已弃用，由“{successor}”接替',
    'zh-Hant': '已棄用，由「{successor}」接替',
  },
  'change.value': { en: 'value {before} → {after}', 'zh-Hans': '数值{before} → {after}', 'zh-Hant': '數值{before} → {after}' },
  'change.statement': { en: 'statement reworded', 'zh-Hans': '陈述已改写', 'zh-Hant': '陳述已改寫' },
  'change.quotes': { en: 'sources or quotes changed', 'zh-Hans': '来源或引文有变', 'zh-Hant': '來源或引文有變' },
  'change.date': { en: 'date changed', 'zh-Hans': '日期有变', 'zh-Hant': '日期有變' },
  'change.none': { en: '(none)', 'zh-Hans': '（无）', 'zh-Hant': '（無）' },
  'suppression.unknown-code': {
    en: 'Unknown code "{code}" in a factcite-{directive} comment; the codes are {codes}',
    'zh-Hans': 'factcite-{directive}注释里的代码“{code}”无法识别；可用的代码有{codes}',
    'zh-Hant': 'factcite-{directive}註釋裏的代碼「{code}」無法識別；可用的代碼有{codes}',
  },
  'suppression.unused': {
    en: 'Unused factcite-{directive}: there is no warning here to ignore',
    'zh-Hans': '多余的factcite-{directive}：这里没有需要忽略的警告',
    'zh-Hant': '多餘的factcite-{directive}：這裏沒有需要忽略的警告',
  },
  'suppression.unused-codes': {
    en: 'Unused factcite-{directive} for {codes}: there is no such problem here',
    'zh-Hans': '多余的factcite-{directive}（{codes}）：这里没有这类问题',
    'zh-Hant': '多餘的factcite-{directive}（{codes}）：這裏沒有這類問題',
  },

  // Quick fixes of the language service.
  'fix.ignore-here': { en: 'Ignore this warning here', 'zh-Hans': '在此处忽略这条警告', 'zh-Hant': '在此處忽略這條警告' },
  'fix.ignore-hint-here': { en: 'Ignore this hint here', 'zh-Hans': '在此处忽略这条提示', 'zh-Hant': '在此處忽略這條提示' },
  'fix.replace-id': { en: 'Replace with "{id}"', 'zh-Hans': '替换为“{id}”', 'zh-Hant': '替換為「{id}」' },
  'fix.replace-deprecated': {
    en: 'Replace deprecated "{id}" with "{successor}"',
    'zh-Hans': '把已弃用的“{id}”替换为“{successor}”',
    'zh-Hant': '把已棄用的「{id}」替換為「{successor}」',
  },
  'fix.replace-all-deprecated': {
    en: 'Replace all {count} deprecated citations with their successors',
    'zh-Hans': '把全部{count}处已弃用的引用替换为接替的事实',
    'zh-Hant': '把全部{count}處已棄用的引用替換為接替的事實',
  },
  'fix.replace-value': {
    en: 'Replace {found} with {replacement} (as in the source)',
    'zh-Hans': '把{found}改为{replacement}（与来源一致）',
    'zh-Hant': '把{found}改為{replacement}（與來源一致）',
  },
  'fix.replace-value-source': {
    en: 'Replace {found} with {replacement} (the source says {expected})',
    'zh-Hans': '把{found}改为{replacement}（来源写的是{expected}）',
    'zh-Hant': '把{found}改為{replacement}（來源寫的是{expected}）',
  },
  'fix.cite': { en: 'Cite {id} ({expected})', 'zh-Hans': '引用{id}（{expected}）', 'zh-Hant': '引用{id}（{expected}）' },
  'fix.upgrade-citation.successor': {
    en: 'Upgrade this citation of {id}: cite {successor}',
    'zh-Hans': '更新{id}的这处引用：改为引用{successor}',
    'zh-Hant': '更新{id}的這處引用：改為引用{successor}',
  },
  'fix.upgrade-citation.value': {
    en: 'Upgrade this citation of {id}: write {replacement}',
    'zh-Hans': '更新{id}的这处引用：改写为{replacement}',
    'zh-Hant': '更新{id}的這處引用：改寫為{replacement}',
  },
  'fix.upgrade-citation.both': {
    en: 'Upgrade this citation of {id}: cite {successor}, write {replacement}',
    'zh-Hans': '更新{id}的这处引用：改为引用{successor}，并改写为{replacement}',
    'zh-Hant': '更新{id}的這處引用：改為引用{successor}，並改寫為{replacement}',
  },
  'fix.upgrade-report': {
    en: 'Upgrade the report to release {version} ({count} changed {count?citation|citations}; moves the pin)',
    'zh-Hans': '把报告更新到{version}版（{count}处引用有变；同时移动固定版本）',
    'zh-Hant': '把報告更新到{version}版（{count}處引用有變；同時移動固定版本）',
  },
  'fix.rewrite': { en: 'Rewrite as {rewrite}', 'zh-Hans': '改写为{rewrite}', 'zh-Hant': '改寫為{rewrite}' },
  'fix.add-at': { en: 'Add "@" before "fact:"', 'zh-Hans': '在“fact:”前面加上“@”', 'zh-Hant': '在「fact:」前面加上「@」' },
  'fix.close-group': { en: 'Close the citation group with "]"', 'zh-Hans': '用“]”结束引用组', 'zh-Hant': '用「]」結束引用組' },

  // Hover cards and completion documentation of the language service. These are Markdown: the
  // caller escapes every parameter that holds corpus text, and the bold marks stay outside it.
  'card.value': { en: 'Value: {value}', 'zh-Hans': '数值：{value}', 'zh-Hant': '數值：{value}' },
  'card.status-deprecated': { en: 'Status: **deprecated**', 'zh-Hans': '状态：**已弃用**', 'zh-Hant': '狀態：**已棄用**' },
  'card.status-successor': {
    en: 'Status: **deprecated**; cite {id} instead',
    'zh-Hans': '状态：**已弃用**，请改为引用{id}',
    'zh-Hant': '狀態：**已棄用**，請改為引用{id}',
  },
  'card.status-successor-statement': {
    en: 'Status: **deprecated**; cite {id} instead: {statement}',
    'zh-Hans': '状态：**已弃用**，请改为引用{id}：{statement}',
    'zh-Hant': '狀態：**已棄用**，請改為引用{id}：{statement}',
  },
  'card.entities': { en: 'Entities: {names:plain}', 'zh-Hans': '相关实体：{names:plain}', 'zh-Hant': '相關實體：{names:plain}' },
  'card.note': { en: 'Note: {note}', 'zh-Hans': '备注：{note}', 'zh-Hant': '備註：{note}' },
  'card.source': { en: 'Source: {source}', 'zh-Hans': '来源：{source}', 'zh-Hant': '來源：{source}' },
  'card.source-missing': { en: '{id} (source missing from the corpus)', 'zh-Hans': '{id}（语料库中缺少这个来源）', 'zh-Hant': '{id}（語料庫中缺少這個來源）' },
  'card.corroborated': { en: 'Corroborated by: {sources}', 'zh-Hans': '佐证来源：{sources}', 'zh-Hant': '佐證來源：{sources}' },
  'card.same-source': { en: 'same source, {quotes:plain}', 'zh-Hans': '同一来源的{quotes:plain}', 'zh-Hant': '同一來源的{quotes:plain}' },
  'card.quote-number': { en: 'quote {number}', 'zh-Hans': '引文{number}', 'zh-Hant': '引文{number}' },
  'card.open-at-quote': { en: 'Open at quote', 'zh-Hans': '打开原文', 'zh-Hant': '開啟原文' },
  'card.open-at-quote.tooltip': {
    en: 'Open the cleaned source at this quote',
    'zh-Hans': '打开整理后的来源原文，并定位到这段引文',
    'zh-Hant': '開啟整理後的來源原文，並定位至這段引文',
  },
  'card.copy-footnote': { en: 'Copy as footnote', 'zh-Hans': '复制为脚注', 'zh-Hant': '複製為腳註' },
  'card.corpus-version': { en: 'corpus {version}', 'zh-Hans': '语料库{version}版', 'zh-Hant': '語料庫{version}版' },
  'card.deprecated': { en: '**Deprecated**', 'zh-Hans': '**已弃用**', 'zh-Hant': '**已棄用**' },
  'card.deprecated-successor': { en: '**Deprecated**: cite {id} instead', 'zh-Hans': '**已弃用**：请改为引用{id}', 'zh-Hant': '**已棄用**：請改為引用{id}' },
  'card.more-sources': {
    en: 'Also reported by {count} more {count?source|sources}.',
    'zh-Hans': '另有{count}个来源也有报道。',
    'zh-Hant': '另有{count}個來源也有報道。',
  },
  'hover.unknown-fact': {
    en: '**Unknown fact** {id}: no fact in the corpus has this id.',
    'zh-Hans': '**找不到事实** {id}：语料库中没有这个ID的事实。',
    'zh-Hant': '**找不到事實** {id}：語料庫中沒有這個ID的事實。',
  },
  'hover.unknown-fact-version': {
    en: '**Unknown fact** {id}: no fact in the corpus ({version}) has this id.',
    'zh-Hans': '**找不到事实** {id}：语料库（{version}版）中没有这个ID的事实。',
    'zh-Hant': '**找不到事實** {id}：語料庫（{version}版）中沒有這個ID的事實。',
  },
  'hover.did-you-mean': { en: 'Did you mean:', 'zh-Hans': '是不是要引用：', 'zh-Hant': '是不是要引用：' },
  // How a value reads (a qualifier before the number; units are corpus data and stay as written).
  'value.approx': { en: 'about {value}', 'zh-Hans': '约{value}', 'zh-Hant': '約{value}' },
  'value.at-least': { en: 'at least {value}', 'zh-Hans': '至少{value}', 'zh-Hant': '至少{value}' },
  'value.more-than': { en: 'more than {value}', 'zh-Hans': '超过{value}', 'zh-Hant': '超過{value}' },
  'value.less-than': { en: 'less than {value}', 'zh-Hans': '少于{value}', 'zh-Hant': '少於{value}' },
  'value.up-to': { en: 'up to {value}', 'zh-Hans': '最多{value}', 'zh-Hant': '最多{value}' },
  'value.rank': { en: '#{rank}', 'zh-Hans': '第{rank}名', 'zh-Hant': '第{rank}名' },
  'value.rank-of': { en: '#{rank} of {of}', 'zh-Hans': '第{rank}名（共{of}名）', 'zh-Hant': '第{rank}名（共{of}名）' },
  'value.deprecated': { en: '(deprecated)', 'zh-Hans': '（已弃用）', 'zh-Hant': '（已棄用）' },

  // What the workspace host tells a writer about the corpus (editors and the language server).
  'corpus.path-relative': {
    en: 'the corpus path {path} is relative, and there is no local folder to resolve it against',
    'zh-Hans': '语料库路径{path}是相对路径，但没有可以据此解析的本地文件夹',
    'zh-Hant': '語料庫路徑{path}是相對路徑，但沒有可以據此解析的本機資料夾',
  },
  'corpus.not-found': { en: 'corpus directory not found: {path}', 'zh-Hans': '找不到语料库文件夹：{path}', 'zh-Hant': '找不到語料庫資料夾：{path}' },
  'corpus.not-a-corpus': {
    en: 'not a corpus directory (no facts/ or corpus.json inside): {path}',
    'zh-Hans': '不是语料库文件夹（里面没有facts/或corpus.json）：{path}',
    'zh-Hant': '不是語料庫資料夾（裏面沒有facts/或corpus.json）：{path}',
  },
  'corpus.unusable': { en: 'factcite: {reason}', 'zh-Hans': 'factcite无法使用所设的语料库：{reason}', 'zh-Hant': 'factcite無法使用所設的語料庫：{reason}' },
  'corpus.unreadable': {
    en: 'factcite could not read the corpus at {dir}: {error}',
    'zh-Hans': 'factcite无法读取{dir}的语料库：{error}',
    'zh-Hant': 'factcite無法讀取{dir}的語料庫：{error}',
  },
  'corpus.unindexable': {
    en: 'factcite could not index the corpus at {dir}: {error}',
    'zh-Hans': 'factcite无法为{dir}的语料库建立索引：{error}',
    'zh-Hant': 'factcite無法為{dir}的語料庫建立索引：{error}',
  },
  'corpus.errors': {
    en: 'factcite: the corpus at {dir} has {count} {count?error|errors}: {first}',
    'zh-Hans': 'factcite：{dir}的语料库有{count}个错误：{first}',
    'zh-Hant': 'factcite：{dir}的語料庫有{count}個錯誤：{first}',
  },
  'corpus.errors-more': {
    en: 'factcite: the corpus at {dir} has {count} {count?error|errors}: {first} (and {more} more)',
    'zh-Hans': 'factcite：{dir}的语料库有{count}个错误：{first}（另有{more}个）',
    'zh-Hant': 'factcite：{dir}的語料庫有{count}個錯誤：{first}（另有{more}個）',
  },
  'corpus.keeps-bundled': {
    en: '{failure}; factcite keeps using the bundled release ({served})',
    'zh-Hans': '{failure}；factcite继续使用内置版本（{served}）',
    'zh-Hant': '{failure}；factcite繼續使用內置版本（{served}）',
  },
  'corpus.keeps-last-good': {
    en: '{failure}; factcite keeps using the last good version ({served})',
    'zh-Hans': '{failure}；factcite继续使用上一个正常的版本（{served}）',
    'zh-Hant': '{failure}；factcite繼續使用上一個正常的版本（{served}）',
  },
  'corpus.served': {
    en: '{count} facts, corpus {version}, from {where}',
    'zh-Hans': '{count}条事实，语料库{version}版，来自{where}',
    'zh-Hant': '{count}項事實，語料庫{version}版，來自{where}',
  },
  'corpus.served-unversioned': { en: '{count} facts, from {where}', 'zh-Hans': '{count}条事实，来自{where}', 'zh-Hant': '{count}項事實，來自{where}' },
  'corpus.bundled-release': { en: 'the bundled release', 'zh-Hans': '内置版本', 'zh-Hant': '內置版本' },
  'corpus.untrusted': {
    en: 'This workspace is not trusted, so factcite ignores its corpus (factcite.corpusPath: {path}) and uses the bundled release {version} ({count} facts). Trust the workspace to use its corpus.',
    'zh-Hans':
      '此工作区未获信任，因此factcite不使用其中的语料库（factcite.corpusPath：{path}），改用内置版本{version}（{count}条事实）。信任此工作区后即可使用其语料库。',
    'zh-Hant':
      '此工作區未獲信任，因此factcite不使用其中的語料庫（factcite.corpusPath：{path}），改用內置版本{version}（{count}項事實）。信任此工作區後即可使用其語料庫。',
  },

  // A report's pin (`factcite: 0.3.0` in its front matter).
  'pin.no-release': {
    en: 'The pin "factcite: {version}" names no release; write a version such as 0.1.0',
    'zh-Hans': '固定版本“factcite: {version}”不是有效的版本号；请写成0.1.0这样的版本号',
    'zh-Hant': '固定版本「factcite: {version}」不是有效的版本號；請寫成0.1.0這樣的版本號',
  },
  'pin.unreadable': {
    en: 'Cannot compare with the pinned release: {error}',
    'zh-Hans': '无法与固定的版本比较：{error}',
    'zh-Hant': '無法與固定的版本比較：{error}',
  },

  // The CLI's writers' tools: places in a converted document, Pandoc, the Pandoc filter, citation styles.
  'cli.place.paragraph': { en: 'paragraph {paragraph}', 'zh-Hans': '第{paragraph}段', 'zh-Hant': '第{paragraph}段' },
  'cli.place.footnote': {
    en: 'paragraph {paragraph}, footnote {footnote}',
    'zh-Hans': '第{paragraph}段，脚注{footnote}',
    'zh-Hant': '第{paragraph}段，腳註{footnote}',
  },
  'cli.pandoc.missing': {
    en: 'pandoc is not installed or not on PATH; {purpose} needs it. Install it (Debian/Ubuntu: sudo apt-get install pandoc; macOS: brew install pandoc; Windows: winget install JohnMacFarlane.Pandoc) and try again.',
    'zh-Hans':
      '没有安装pandoc，或它不在PATH中；{purpose}需要用到它。请先安装（Debian/Ubuntu：sudo apt-get install pandoc；macOS：brew install pandoc；Windows：winget install JohnMacFarlane.Pandoc），然后再试一次。',
    'zh-Hant':
      '沒有安裝pandoc，或它不在PATH中；{purpose}需要用到它。請先安裝（Debian/Ubuntu：sudo apt-get install pandoc；macOS：brew install pandoc；Windows：winget install JohnMacFarlane.Pandoc），然後再試一次。',
  },
  'cli.pandoc.checking': { en: 'checking {file}', 'zh-Hans': '检查{file}', 'zh-Hant': '檢查{file}' },
  'cli.pandoc.failed': {
    en: 'pandoc could not read {file}: {detail}',
    'zh-Hans': 'pandoc无法读取{file}：{detail}',
    'zh-Hant': 'pandoc無法讀取{file}：{detail}',
  },
  'cli.pandoc.not-json': { en: 'its output is not a Pandoc JSON document', 'zh-Hans': '输出的不是Pandoc JSON文档', 'zh-Hant': '輸出的不是Pandoc JSON文件' },
  'cli.pandoc.exit-status': { en: 'exit status {status}', 'zh-Hans': '退出状态{status}', 'zh-Hant': '結束狀態{status}' },
  'cli.filter.not-pandoc': {
    en: 'factcite pandoc-filter reads a Pandoc JSON document on standard input; run it through pandoc: pandoc --filter factcite-pandoc-filter report.md',
    'zh-Hans': 'factcite pandoc-filter从标准输入读取Pandoc JSON文档；请经由pandoc运行：pandoc --filter factcite-pandoc-filter report.md',
    'zh-Hant': 'factcite pandoc-filter從標準輸入讀取Pandoc JSON文件；請經由pandoc執行：pandoc --filter factcite-pandoc-filter report.md',
  },
  'cli.filter.failed': {
    en: 'factcite: render stopped: {errors} error(s), {warnings} warning(s) in the citations (fail-on: {failOn})',
    'zh-Hans': 'factcite：已停止渲染：引用中有{errors}个错误、{warnings}个警告（fail-on: {failOn}）',
    'zh-Hant': 'factcite：已停止轉換：引用中有{errors}個錯誤、{warnings}個警告（fail-on: {failOn}）',
  },
  'cli.style.unknown': {
    en: 'unknown citation style "{style}"; bundled styles: {known:plain} (or give a CSL file with --csl)',
    'zh-Hans': '没有“{style}”这种引用格式；内置的格式有{known:plain}（也可以用--csl指定CSL文件）',
    'zh-Hant': '沒有「{style}」這種引用格式；內置的格式有{known:plain}（也可以用--csl指定CSL檔案）',
  },
  'cli.style.unreadable': {
    en: 'cannot use the CSL style {file}: {detail}',
    'zh-Hans': '无法使用CSL样式{file}：{detail}',
    'zh-Hant': '無法使用CSL樣式{file}：{detail}',
  },
  'cli.style.unreadable-engine': {
    en: 'cannot use the CSL style the style: {detail}',
    'zh-Hans': '无法使用这个CSL样式：{detail}',
    'zh-Hant': '無法使用這個CSL樣式：{detail}',
  },
  'cli.style.not-csl': {
    en: 'not a CSL style (no <style> in the CSL namespace)',
    'zh-Hans': '不是CSL样式（没有CSL命名空间中的<style>）',
    'zh-Hant': '不是CSL樣式（沒有CSL命名空間中的<style>）',
  },

  // Human output of `factcite check`.
  'severity.error': { en: 'error', 'zh-Hans': '错误', 'zh-Hant': '錯誤' },
  'severity.warning': { en: 'warning', 'zh-Hans': '警告', 'zh-Hant': '警告' },
  'severity.information': { en: 'info', 'zh-Hans': '提示', 'zh-Hant': '提示' },
  'cli.check.checked': {
    en: '{citations} {citations?citation|citations} in {files} {files?file|files} checked against {facts} facts',
    'zh-Hans': '已对照{facts}条事实检查{files}个文件中的{citations}处引用',
    'zh-Hant': '已對照{facts}項事實檢查{files}個檔案中的{citations}處引用',
  },
  'cli.check.checked-version': {
    en: '{citations} {citations?citation|citations} in {files} {files?file|files} checked against {facts} facts (corpus {version})',
    'zh-Hans': '已对照{facts}条事实（语料库{version}版）检查{files}个文件中的{citations}处引用',
    'zh-Hant': '已對照{facts}項事實（語料庫{version}版）檢查{files}個檔案中的{citations}處引用',
  },
  'cli.check.problems-notes': {
    en: '{total} {total?problem|problems} ({errors} {errors?error|errors}, {warnings} {warnings?warning|warnings}, {notes} {notes?note|notes}); {checked}',
    'zh-Hans': '共{total}个问题（{errors}个错误，{warnings}个警告，另有{notes}条提示）；{checked}',
    'zh-Hant': '共{total}個問題（{errors}個錯誤，{warnings}個警告，另有{notes}則提示）；{checked}',
  },
  'cli.check.notes': { en: '{notes} {notes?note|notes}; {checked}', 'zh-Hans': '{notes}条提示；{checked}', 'zh-Hant': '{notes}則提示；{checked}' },
  'cli.check.pinned': { en: 'pinned {file} to release {version}', 'zh-Hans': '已把{file}固定到{version}版', 'zh-Hant': '已把{file}固定到{version}版' },
  'cli.check.not-pinned': {
    en: 'not pinned {file}: fix its errors first',
    'zh-Hans': '未固定{file}：请先修正其中的错误',
    'zh-Hant': '未固定{file}：請先修正其中的錯誤',
  },
  'cli.check.corpus-errors': {
    en: ' (the corpus itself has {count} {count?error|errors}; run factcite validate)',
    'zh-Hans': '（语料库本身有{count}个错误，请运行factcite validate）',
    'zh-Hant': '（語料庫本身有{count}個錯誤，請執行factcite validate）',
  },
  'cli.check.problems': {
    en: '{total} {total?problem|problems} ({errors} {errors?error|errors}, {warnings} {warnings?warning|warnings}); {checked}',
    'zh-Hans': '共{total}个问题（{errors}个错误，{warnings}个警告）；{checked}',
    'zh-Hant': '共{total}個問題（{errors}個錯誤，{warnings}個警告）；{checked}',
  },
  'cli.check.suppressed': {
    en: '{count} {count?problem|problems} ignored by factcite-disable comments',
    'zh-Hans': '另有{count}个问题已按factcite-disable注释忽略',
    'zh-Hant': '另有{count}個問題已按factcite-disable註釋忽略',
  },
  'cli.no-match': { en: 'No facts match "{query}".', 'zh-Hans': '没有与“{query}”相符的事实。', 'zh-Hant': '沒有與「{query}」相符的事實。' },
  'cli.fact-count': { en: '{count} facts', 'zh-Hans': '共{count}条事实', 'zh-Hant': '共{count}項事實' },
  'cli.deprecated': { en: 'deprecated', 'zh-Hans': '已弃用', 'zh-Hant': '已棄用' },
  'cli.get.deprecated': { en: ' (deprecated → {successor})', 'zh-Hans': '（已弃用 → {successor}）', 'zh-Hant': '（已棄用 → {successor}）' },
  'cli.get.value': { en: 'value', 'zh-Hans': '数值', 'zh-Hant': '數值' },
  'cli.get.kind': { en: 'kind', 'zh-Hans': '类型', 'zh-Hant': '類型' },
  'cli.get.topics': { en: 'topics: {topics:plain}', 'zh-Hans': '主题：{topics:plain}', 'zh-Hant': '主題：{topics:plain}' },
  'cli.get.about': { en: 'about', 'zh-Hans': '涉及', 'zh-Hant': '涉及' },
  'cli.get.said-by': { en: 'said by', 'zh-Hans': '发言者', 'zh-Hant': '發言者' },
  'cli.get.note': { en: 'note', 'zh-Hans': '备注', 'zh-Hant': '備註' },
  'cli.get.source': { en: 'source', 'zh-Hans': '来源', 'zh-Hant': '來源' },
  'cli.bad-lang': {
    en: '--lang must be en, zh-Hans or zh-Hant, not "{lang}"',
    'zh-Hans': '--lang只能是en、zh-Hans或zh-Hant，不能是“{lang}”',
    'zh-Hant': '--lang只可以是en、zh-Hans或zh-Hant，不可以是「{lang}」',
  },
} as const satisfies Record<string, Record<MessageLang, string>>;

/** The id of a message in the catalogue. */
export type MessageId = keyof typeof CATALOGUE;
