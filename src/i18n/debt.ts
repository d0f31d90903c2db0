import { renderTemplate } from '../engine/catalogue.js';
import type { Lang, Localized, WaiverStatus } from '../model/types.js';

/** Why a waiver is not applied, by reason code (codes from src/waivers/). */
const WAIVER_REASONS: Record<string, Localized> = {
  'unknown-rule': { en: 'there is no rule {rule}', vi: 'không có quy tắc {rule}' },
  'expires-before-approved': { en: 'expires ({expires}) before it was approved ({approved})', vi: 'hết hạn ({expires}) trước ngày phê duyệt ({approved})' },
  'approved-after-as-of': { en: 'approved on {approved}, after the evaluation date {as_of}', vi: 'phê duyệt ngày {approved}, sau ngày đánh giá {as_of}' },
  'too-long': {
    en: 'lasts {days} days from approval to expiry; at most {max} are allowed (--max-waiver-days)',
    vi: 'kéo dài {days} ngày từ khi phê duyệt đến khi hết hạn; tối đa {max} ngày (--max-waiver-days)',
  },
  'critical-no-head': {
    en: '{rule} is critical: only the accountable head may approve, and the descriptor names none (system.accountable_head)',
    vi: '{rule} là quy tắc nghiêm trọng: chỉ người đứng đầu chịu trách nhiệm được phê duyệt, nhưng hồ sơ chưa nêu (system.accountable_head)',
  },
  'critical-approver': {
    en: '{rule} is critical: it must be approved by the accountable head {head}, not {approver}',
    vi: '{rule} là quy tắc nghiêm trọng: phải do người đứng đầu {head} phê duyệt, không phải {approver}',
  },
  expired: {
    en: 'expired on {expires} ({days} day(s) ago); the findings it covered count again',
    vi: 'đã hết hạn ngày {expires} ({days} ngày trước); các phát hiện được miễn trừ nay được tính lại',
  },
  'gate-critical': {
    en: '{rule} is critical: critical rules cannot be waived past the go-live gate',
    vi: '{rule} là quy tắc nghiêm trọng: không được miễn trừ quy tắc nghiêm trọng khi xét đưa vào vận hành',
  },
  'no-match': { en: 'matches no finding of {rule} on {system}: the gap is closed, remove the waiver', vi: 'không khớp phát hiện nào của {rule} trên {system}: đã khắc phục, hãy xoá miễn trừ' },
  'unknown-system': { en: 'no checked descriptor has system id {system}', vi: 'không có hồ sơ nào được kiểm tra có mã hệ thống {system}' },
};

export function waiverReasonText(code: string, params: Record<string, unknown>, lang: Lang): string {
  const t = WAIVER_REASONS[code]?.[lang];
  return t ? renderTemplate(t, params, lang) : code;
}

export const WAIVER_STATUS_NAMES: Record<WaiverStatus, Localized> = {
  active: { en: 'active', vi: 'còn hiệu lực' },
  expiring: { en: 'expiring', vi: 'sắp hết hạn' },
  expired: { en: 'expired', vi: 'hết hạn' },
  stale: { en: 'stale', vi: 'thừa' },
  invalid: { en: 'invalid', vi: 'không hợp lệ' },
  'gate-ignored': { en: 'ignored at gate', vi: 'không áp dụng khi xét vận hành' },
};

/** Labels for waivers, baselines and the gate. */
export const DEBT_LABELS = {
  waived: { en: 'waived', vi: 'miễn trừ' },
  waived_until: { en: 'Waived until', vi: 'Miễn trừ đến' },
  days_left: { en: 'days left', vi: 'ngày còn lại' },
  approved_by: { en: 'approved by', vi: 'phê duyệt' },
  debt: { en: 'Compliance debt (waivers)', vi: 'Nợ tuân thủ (miễn trừ)' },
  waiver: { en: 'waiver', vi: 'miễn trừ' },
  baseline: { en: 'baseline', vi: 'đường cơ sở' },
  baseline_summary: { en: 'Baseline', vi: 'Đường cơ sở' },
  new: { en: 'new', vi: 'mới' },
  existing: { en: 'in the baseline (not failing)', vi: 'đã có trong đường cơ sở (không tính)' },
  fixed: { en: 'fixed since the baseline', vi: 'đã khắc phục so với đường cơ sở' },
  no_waivers: { en: 'no waivers found', vi: 'không có miễn trừ nào' },
  status: { en: 'STATUS', vi: 'TRẠNG THÁI' },
  rule: { en: 'RULE', vi: 'QUY TẮC' },
  system: { en: 'SYSTEM', vi: 'HỆ THỐNG' },
  finding: { en: 'FINDING', vi: 'PHÁT HIỆN' },
  expires: { en: 'EXPIRES', vi: 'HẾT HẠN' },
  left: { en: 'DAYS LEFT', vi: 'CÒN (NGÀY)' },
  approver: { en: 'APPROVED BY', vi: 'NGƯỜI DUYỆT' },
  where: { en: 'WHERE', vi: 'VỊ TRÍ' },
  all_findings: { en: 'all', vi: 'tất cả' },
  gate_go: { en: 'GO — may go live on {as_of}', vi: 'ĐƯỢC PHÉP — có thể đưa vào vận hành ngày {as_of}' },
  gate_no_go: { en: 'NO-GO — may not go live on {as_of}', vi: 'KHÔNG ĐƯỢC PHÉP — chưa thể đưa vào vận hành ngày {as_of}' },
  gate_blocking: { en: 'Blocking', vi: 'Điểm chặn' },
  gate_debt: { en: 'Accepted debt (waived, not blocking)', vi: 'Nợ được chấp nhận (miễn trừ, không chặn)' },
  gate_ignored: {
    en: 'Waivers not honoured at the gate (critical rules cannot be waived past go-live)',
    vi: 'Miễn trừ không được chấp nhận khi xét vận hành (không miễn trừ quy tắc nghiêm trọng)',
  },
  gate_other_waivers: { en: 'Other waiver problems', vi: 'Miễn trừ có vấn đề khác' },
  gate_overall_go: { en: 'Verdict: GO ({n} system(s))', vi: 'Kết luận: ĐƯỢC PHÉP ({n} hệ thống)' },
  gate_overall_no_go: { en: 'Verdict: NO-GO ({blocked} of {n} system(s) blocked)', vi: 'Kết luận: KHÔNG ĐƯỢC PHÉP ({blocked}/{n} hệ thống bị chặn)' },
  gate_input_errors: { en: 'Verdict: cannot decide — input errors above', vi: 'Kết luận: chưa thể kết luận — có lỗi đầu vào ở trên' },
} satisfies Record<string, Localized>;

export function debtLabel(k: keyof typeof DEBT_LABELS, lang: Lang, params: Record<string, unknown> = {}): string {
  return renderTemplate(DEBT_LABELS[k][lang], params, lang);
}
