import type { Lang } from '../model/types.js';

/** Printed document numbers for the citation keys used in clause ids ("KH04:V.1.m"). */
export const DOCUMENTS: Record<string, { number: string; en: string; vi: string }> = {
  TB06: {
    number: '06-TB/CQTTBCĐ',
    en: 'Conclusion notice 06-TB/CQTTBCĐ (27/9/2025)',
    vi: 'Thông báo kết luận 06-TB/CQTTBCĐ (27/9/2025)',
  },
  CT57: { number: '57-CT/TW', en: 'Directive 57-CT/TW (31/12/2025)', vi: 'Chỉ thị 57-CT/TW (31/12/2025)' },
  KH04: { number: '04-KH/BCĐTW', en: 'Plan 04-KH/BCĐTW (05/01/2026)', vi: 'Kế hoạch 04-KH/BCĐTW (05/01/2026)' },
  TTg: {
    number: 'Công điện TTg',
    en: "Prime Minister's dispatch implementing 06-TB",
    vi: 'Công điện của Thủ tướng Chính phủ triển khai 06-TB',
  },
};

/** "KH04:V.1.m" → "04-KH/BCĐTW §V.1.m" */
export function citation(clauseId: string, _lang: Lang): string {
  const [key, section] = clauseId.split(':');
  const doc = DOCUMENTS[key ?? ''];
  return doc ? `${doc.number} §${section}` : clauseId;
}
