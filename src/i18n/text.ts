import type { Lang, Localized, Stage } from '../model/types.js';
import { renderTemplate } from '../engine/catalogue.js';

/** Why a rule did not apply, by reason code (the codes come from the policies). */
export const REASONS: Record<string, Localized> = {
  stage: {
    en: 'applies in the {stages} stage(s); the system is in {stage}',
    vi: 'áp dụng ở giai đoạn {stages}; hệ thống đang ở giai đoạn {stage}',
  },
  sector: {
    en: 'not required for {sector} systems',
    vi: 'không áp dụng cho hệ thống lĩnh vực {sector}',
  },
  level: {
    en: 'applies from level {min}; the system is level {level}',
    vi: 'áp dụng từ cấp độ {min}; hệ thống cấp độ {level}',
  },
  no_citizen_service: {
    en: 'the system serves no citizens or businesses and offers no online public service',
    vi: 'hệ thống không phục vụ người dân, doanh nghiệp và không cung cấp dịch vụ công trực tuyến',
  },
  no_sensitive_data: {
    en: 'the system holds neither state secrets nor sensitive personal data',
    vi: 'hệ thống không xử lý bí mật nhà nước hay dữ liệu cá nhân nhạy cảm',
  },
  no_iac: {
    en: 'checks infrastructure code; none was given (list it under iac: in the descriptor)',
    vi: 'kiểm tra mã hạ tầng; chưa có mã hạ tầng nào (khai báo tại mục iac: của hồ sơ mô tả)',
  },
  no_descriptor: {
    en: 'checks the system descriptor; infrastructure code was checked without one',
    vi: 'kiểm tra hồ sơ mô tả hệ thống; mã hạ tầng được kiểm tra mà không có hồ sơ mô tả',
  },
  no_provider: {
    en: 'applies to {provider} resources; the infrastructure code has none',
    vi: 'áp dụng cho tài nguyên {provider}; mã hạ tầng không có tài nguyên này',
  },
  // Rules that apply only to some kinds of data (see policies/lib/scope.rego).
  no_protected_data: {
    en: 'applies to systems holding personal, sensitive, state-secret or national-database data; none is declared',
    vi: 'áp dụng cho hệ thống có dữ liệu cá nhân, nhạy cảm, bí mật nhà nước hoặc cơ sở dữ liệu quốc gia; hệ thống không khai báo loại nào',
  },
  no_state_secret: {
    en: 'applies to systems holding state secrets; data.state_secret is none',
    vi: 'áp dụng cho hệ thống có bí mật nhà nước; data.state_secret là none',
  },
  no_national_database: {
    en: 'applies to systems holding a national database; none is declared',
    vi: 'áp dụng cho hệ thống có cơ sở dữ liệu quốc gia; hệ thống không khai báo',
  },
  no_official_documents: {
    en: 'applies to systems handling official documents; this one declares it does not',
    vi: 'áp dụng cho hệ thống xử lý văn bản chính thức; hệ thống khai báo không xử lý',
  },
};

export function reasonText(code: string, params: Record<string, unknown>, lang: Lang): string {
  const t = REASONS[code]?.[lang];
  return t ? renderTemplate(t, localizeParams(params, lang), lang) : code;
}

export const STAGE_NAMES: Record<Stage, Localized> = {
  design: { en: 'design', vi: 'thiết kế' },
  build: { en: 'build', vi: 'xây dựng' },
  'pre-production': { en: 'pre-production', vi: 'trước vận hành' },
  production: { en: 'production', vi: 'vận hành' },
};

export const SECTOR_NAMES: Record<string, Localized> = {
  civil: { en: 'civil', vi: 'dân sự' },
  military: { en: 'military', vi: 'quân sự' },
  defence: { en: 'defence', vi: 'quốc phòng' },
  cipher: { en: 'cipher', vi: 'cơ yếu' },
};

function localizeParams(params: Record<string, unknown>, lang: Lang): Record<string, unknown> {
  const out: Record<string, unknown> = { ...params };
  const stageName = (s: unknown) => STAGE_NAMES[s as Stage]?.[lang] ?? s;
  if ('stage' in out) out.stage = stageName(out.stage);
  if (Array.isArray(out.stages)) out.stages = out.stages.map(stageName);
  if (typeof out.sector === 'string') out.sector = SECTOR_NAMES[out.sector]?.[lang] ?? out.sector;
  return out;
}

/** Labels used by the formatters. */
export const LABELS = {
  required_by: { en: 'Required by', vi: 'Căn cứ' },
  fix: { en: 'Fix', vi: 'Khắc phục' },
  iac_only: { en: 'infrastructure code checked without a descriptor', vi: 'mã hạ tầng được kiểm tra không kèm hồ sơ mô tả' },
  construct: { en: 'construct', vi: 'construct' },
  due_by: { en: 'due by', vi: 'hạn' },
  level: { en: 'level', vi: 'cấp độ' },
  passed: { en: 'passed', vi: 'đạt' },
  failed: { en: 'failed', vi: 'không đạt' },
  not_applicable: { en: 'not applicable', vi: 'không áp dụng' },
  due: { en: 'due', vi: 'đến hạn' },
  input_errors: { en: 'input errors', vi: 'lỗi đầu vào' },
  systems_checked: { en: 'system(s) checked', vi: 'hệ thống đã kiểm tra' },
  findings: { en: 'finding(s)', vi: 'phát hiện' },
  threshold: { en: 'fail on', vi: 'ngưỡng' },
  as_of: { en: 'as of', vi: 'tại ngày' },
  rules: { en: 'Rules', vi: 'Quy tắc' },
  metrics: { en: 'Figures', vi: 'Số liệu' },
  security_budget_share: { en: 'security budget share', vi: 'tỷ lệ kinh phí an ninh mạng' },
  no_findings: { en: 'no findings', vi: 'không có phát hiện' },
  result_pass: { en: 'PASS', vi: 'ĐẠT' },
  result_fail: { en: 'FAIL', vi: 'KHÔNG ĐẠT' },
} satisfies Record<string, Localized>;
