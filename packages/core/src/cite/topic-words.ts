/**
 * Words that name a fact's topic in report prose, by topic id. The corpus
 * tags facts with English topic ids (funding, talent); a writer writes 资金 or
 * 人才 or "funding", so the uncited-claim check looks for these words. Chinese
 * words are in Simplified: sentences are folded to Simplified before the look-up.
 * English words are lower case and matched at word starts.
 */
export const TOPIC_WORDS: Readonly<Record<string, readonly string[]>> = {
  companies: ['企业', '公司', '初创', 'compan', 'firm', 'enterprise', 'start-up', 'startup'],
  compute: ['算力', '超算', '运算', '计算', '浮点', 'comput', 'flops', 'supercomput'],
  cooperation: ['合作', '协议', '签约', '签署', 'cooperat', 'partner', 'agreement'],
  data: ['数据', 'data'],
  education: ['教育', '学校', '课程', '学生', 'educat', 'school', 'student'],
  funding: ['资金', '拨款', '预留', '资助', '基金', '注资', 'fund', 'grant', 'set aside', 'subsid'],
  'greater-bay-area': ['大湾区', '湾区', '粤港澳', 'greater bay', 'bay area'],
  industry: ['产业', '行业', '产值', 'industr', 'sector'],
  infrastructure: ['基础设施', '中心', '设施', '算力', 'infrastructur', 'centre', 'center', 'facilit'],
  international: ['国际', '海外', '全球', 'internation', 'global', 'overseas'],
  investment: ['投资', '融资', '落户', 'invest', 'financing'],
  models: ['模型', '大模型', 'model', 'llm'],
  policy: ['政策', '政府', '预算', '施政', 'polic', 'government', 'budget'],
  privacy: ['私隐', '隐私', '个人资料', 'privacy', 'personal data'],
  ranking: ['排名', '排行', '位列', 'rank'],
  regulation: ['监管', '法规', '条例', '规管', 'regulat', 'rule'],
  research: ['研发', '研究', '科研', '实验室', 'research', 'r&d', 'laborator'],
  startups: ['初创', '创业', 'start-up', 'startup'],
  talent: ['人才', '专才', '人员', 'talent', 'professional', 'expert'],
};
