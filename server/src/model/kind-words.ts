// The plan-or-not decision in words: its kind and reasons as one line in Chinese or English (outline, hover, CLI).
import type { KindDecision, KindReason } from './kind.js';

/** The reasons as one line in the reader's language. */
export function describeKind(decision: KindDecision, locale: 'zh-CN' | 'en'): string {
  const zh: Record<KindReason['id'], string> = {
    forced: '配置指定',
    'plan-title': '标题为方案类文件',
    'assigns-work': '正文分配任务',
    deadlines: '写有完成时限',
    'report-title': '标题为报告或总结',
    'bulletin-title': '标题为通报',
    narrative: '正文叙述已完成的工作',
    interpretation: '解读或新闻稿',
    news: '新闻报道',
    'notes-title': '标题为说明（起草说明、编制说明等）',
    'minutes-title': '会议纪要',
    'rules-title': '规则、细则或预案',
    'speech-title': '标题为讲话或发言',
    'letter-title': '标题为函（征求意见函、复函等）',
    'meeting-notice': '会议通知',
    'notice-requirements': '通知只提工作要求，未逐项分工',
    'notice-only': '只有印发通知',
    documentation: '说明文档（代码块或以西文为主）',
    'markdown-notes': 'Markdown 说明文档（无方案标题，条目不分配任务）',
    'no-evidence': '没有判断依据，按方案读',
  };
  const en: Record<KindReason['id'], string> = {
    forced: 'set by the configuration',
    'plan-title': 'the title names a plan',
    'assigns-work': 'the body assigns work',
    deadlines: 'deadlines are written',
    'report-title': 'the title names a report or summary',
    'bulletin-title': 'the title names a bulletin (通报)',
    narrative: 'the body tells work done',
    interpretation: 'a policy reading or a news story',
    news: 'a news story',
    'notes-title': 'the title names explanatory notes (起草说明, 编制说明…)',
    'minutes-title': 'meeting minutes',
    'rules-title': 'rules, detailed rules or a contingency plan',
    'speech-title': 'the title names a speech',
    'letter-title': 'the title names a letter (征求意见函, 复函…)',
    'meeting-notice': 'a meeting notice',
    'notice-requirements': 'a notice that states requirements and gives no work out item by item',
    'notice-only': 'only a covering notice',
    documentation: 'documentation (code blocks or mostly Latin text)',
    'markdown-notes': 'a Markdown document with no plan title whose items assign no work',
    'no-evidence': 'no evidence either way: read as a plan',
  };
  const names = locale === 'en' ? en : zh;
  const kindName =
    locale === 'en'
      ? { plan: 'a plan', report: 'a report', other: 'not a plan' }[decision.kind]
      : { plan: '方案', report: '报告', other: '非方案文件' }[decision.kind];
  const parts = decision.reasons.map((r) =>
    r.evidence.length === 0 ? names[r.id] : locale === 'en' ? `${names[r.id]} (${r.evidence.join(', ')})` : `${names[r.id]}（${r.evidence.join('、')}）`,
  );
  return locale === 'en' ? `Read as ${kindName}: ${parts.join('; ')}` : `判断为${kindName}：${parts.join('；')}`;
}
