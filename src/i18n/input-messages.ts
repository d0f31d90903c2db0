import { renderTemplate } from '../engine/catalogue.js';
import type { InputError, InputProblem, Lang, Localized } from '../model/types.js';

/**
 * Messages of input errors (files that cannot be read, decoded, parsed or recognised), by key,
 * in both languages. `{name}` is a parameter. The schema's messages are built in src/io/descriptor/schema.ts.
 */
export const INPUT_MESSAGES = {
  // Reading
  'file-not-found': { en: 'file not found', vi: 'không tìm thấy tệp' },
  'no-such-path': { en: 'no such file or directory', vi: 'không có tệp hoặc thư mục này' },
  'permission-denied': { en: 'permission denied', vi: 'không có quyền đọc' },
  'symlink-loop': { en: 'too many levels of symbolic links (a symlink loop?)', vi: 'quá nhiều tầng liên kết tượng trưng (có vòng lặp symlink?)' },
  'is-directory': { en: 'is a directory', vi: 'là một thư mục' },
  'cannot-read': { en: 'cannot read ({errno})', vi: 'không đọc được ({errno})' },
  'not-a-file': {
    en: 'not a regular file (a pipe, socket or device); give a file',
    vi: 'không phải tệp thông thường (là pipe, socket hoặc thiết bị); hãy chỉ định một tệp',
  },
  'too-large': {
    en: 'file is {size} bytes, above the limit of {limit} bytes (raise it with --max-file-size)',
    vi: 'tệp có {size} byte, vượt giới hạn {limit} byte (nâng giới hạn bằng --max-file-size)',
  },
  'too-large-iac': {
    en: 'file is {size} bytes, above the limit of {limit} bytes for infrastructure code (raise it with --max-iac-file-size)',
    vi: 'tệp có {size} byte, vượt giới hạn {limit} byte cho mã hạ tầng (nâng giới hạn bằng --max-iac-file-size)',
  },
  // Encoding
  empty: { en: 'the file is empty', vi: 'tệp rỗng' },
  utf16: { en: 'the file is UTF-16; save it as UTF-8', vi: 'tệp được mã hoá UTF-16; hãy lưu lại ở dạng UTF-8' },
  binary: { en: 'the file is binary (it contains NUL bytes), not {kind}', vi: 'tệp là tệp nhị phân (có byte NUL), không phải {kind}' },
  'invalid-utf8': {
    en: 'invalid UTF-8 (byte 0x{byte} at offset {offset}); save the file as UTF-8',
    vi: 'UTF-8 không hợp lệ (byte 0x{byte} tại vị trí {offset}); hãy lưu tệp ở dạng UTF-8',
  },
  bom: {
    en: 'the file starts with a UTF-8 byte order mark, which Terraform refuses in a .tf.json file (its JSON parser reports "Invalid start of value"); save it as UTF-8 without a BOM',
    vi: 'tệp bắt đầu bằng dấu thứ tự byte (BOM) UTF-8, mà Terraform không chấp nhận trong tệp .tf.json (trình đọc JSON của nó báo "Invalid start of value"); hãy lưu ở dạng UTF-8 không có BOM',
  },
  // Limits and syntax
  'too-deep': {
    en: 'nesting is deeper than {max} levels (raise the limit with --max-depth)',
    vi: 'cấu trúc lồng nhau sâu quá {max} cấp (nâng giới hạn bằng --max-depth)',
  },
  'duplicate-key': {
    en: 'a key appears twice in the same mapping; keep only one',
    vi: 'một khoá xuất hiện hai lần trong cùng một ánh xạ; chỉ giữ lại một',
  },
  'multiple-docs': {
    en: 'the file holds several YAML documents (separated by ---); a descriptor file holds exactly one',
    vi: 'tệp chứa nhiều tài liệu YAML (phân tách bằng ---); mỗi tệp hồ sơ mô tả chỉ chứa đúng một',
  },
  'malformed-yaml': { en: 'malformed YAML/JSON: {detail}', vi: 'YAML/JSON sai cú pháp: {detail}' },
  'yaml-other': { en: '{detail}', vi: 'lỗi YAML: {detail}' },
  'alias-unresolved': {
    en: 'the alias *{name} refers to no anchor &{name} defined before it (YAML needs the anchor first)',
    vi: 'bí danh *{name} không trỏ tới neo &{name} nào được định nghĩa trước nó (YAML cần neo đứng trước)',
  },
  'alias-bomb': {
    en: 'too many YAML alias expansions (limit {limit}, raise it with --max-aliases); the file may be an alias bomb',
    vi: 'quá nhiều lần mở rộng bí danh YAML (giới hạn {limit}, nâng bằng --max-aliases); tệp có thể là một "bom bí danh"',
  },
  'malformed-json': { en: 'malformed JSON: {detail}', vi: 'JSON sai cú pháp: {detail}' },
  'malformed-hcl': { en: 'malformed HCL: {detail}', vi: 'HCL sai cú pháp: {detail}' },
  'malformed-hcl-one-more': {
    en: 'malformed HCL: {detail} (and 1 more problem in this file)',
    vi: 'HCL sai cú pháp: {detail} (và 1 lỗi khác trong tệp này)',
  },
  'malformed-hcl-more': {
    en: 'malformed HCL: {detail} (and {more} more problems in this file)',
    vi: 'HCL sai cú pháp: {detail} (và {more} lỗi khác trong tệp này)',
  },
  // What a file holds
  'not-a-descriptor': {
    en: 'a descriptor must be a mapping with apiVersion, kind, system…; this file is {shown}',
    vi: 'hồ sơ mô tả phải là một ánh xạ có apiVersion, kind, system…; nội dung tệp này: {shown}',
  },
  'not-waivers': { en: 'a waivers file must be a mapping with a "waivers" list', vi: 'tệp miễn trừ phải là một ánh xạ có danh sách "waivers"' },
  'not-baseline': {
    en: 'a baseline must be a JSON object (tuanthu baseline create, or a --format json report)',
    vi: 'đường cơ sở phải là một đối tượng JSON (tạo bằng tuanthu baseline create, hoặc một báo cáo --format json)',
  },
  'not-terraform-json': {
    en: 'this JSON is neither Terraform configuration (resource / terraform / provider blocks, e.g. cdk.tf.json) nor a plan (terraform show -json output with format_version and resource_changes)',
    vi: 'tệp JSON này không phải cấu hình Terraform (các khối resource / terraform / provider, ví dụ cdk.tf.json) cũng không phải plan (kết quả terraform show -json, có format_version và resource_changes)',
  },
  'not-terraform-tfjson': {
    en: 'a .tf.json file must hold Terraform configuration (resource / terraform / provider blocks)',
    vi: 'tệp .tf.json phải chứa cấu hình Terraform (các khối resource / terraform / provider)',
  },
  'no-terraform': { en: 'the directory has no .tf or .tf.json files', vi: 'thư mục không có tệp .tf hay .tf.json nào' },
  'plan-version': {
    en: 'plan format_version {version} is not supported; tuanthu reads format {major}.x (terraform show -json of Terraform ≥ 0.12 or OpenTofu)',
    vi: 'không hỗ trợ plan có format_version {version}; tuanthu đọc định dạng {major}.x (kết quả terraform show -json của Terraform ≥ 0.12 hoặc OpenTofu)',
  },
  // Binary plans, read through the terraform CLI
  'terraform-missing': {
    en: 'this is a binary plan file; reading it needs the terraform CLI on the PATH (or convert it yourself: terraform show -json plan > plan.json)',
    vi: 'đây là tệp plan nhị phân; cần có terraform CLI trong PATH để đọc (hoặc tự chuyển đổi: terraform show -json plan > plan.json)',
  },
  'terraform-show-refused': { en: 'terraform show -json could not read this plan: {detail}', vi: 'terraform show -json không đọc được plan này: {detail}' },
  'terraform-show-exit': { en: 'terraform show -json could not read this plan: exit {code}', vi: 'terraform show -json không đọc được plan này: mã thoát {code}' },
  'terraform-show-failed': { en: 'terraform show -json failed: {detail}', vi: 'terraform show -json thất bại: {detail}' },
  'terraform-show-json': { en: 'terraform show -json printed malformed JSON ({detail})', vi: 'terraform show -json in ra JSON sai cú pháp ({detail})' },
  // The policy itself (a broken build, not the user's input)
  'policy-load': { en: 'cannot load the compiled policy: {detail}', vi: 'không nạp được chính sách đã biên dịch: {detail}' },
  'policy-eval': { en: 'policy evaluation failed: {detail}', vi: 'đánh giá chính sách thất bại: {detail}' },
  'policy-no-result': {
    en: 'policy returned no result (is build/policy/policy.wasm current?)',
    vi: 'chính sách không trả về kết quả (build/policy/policy.wasm có phải bản mới nhất không?)',
  },
  'policy-unknown-rule': {
    en: 'the policy reported unknown rule {rule}; build/policy is inconsistent',
    vi: 'chính sách báo một quy tắc không có trong danh mục: {rule}; build/policy không nhất quán',
  },
  // Text from elsewhere (an operating-system error without a code), shown as it is.
  verbatim: { en: '{detail}', vi: '{detail}' },
} as const satisfies Record<string, Localized>;

export type InputMessageKey = keyof typeof INPUT_MESSAGES;

/** A parameter: text shown as it is, a number (shown without grouping, as flags take it) or text in both languages. */
export type MessageParam = string | number | Localized;

/** A message in both languages; each language is chosen when the report is built. */
export function inputMessage(key: InputMessageKey, params: Record<string, MessageParam> = {}): Localized {
  const t: Localized = INPUT_MESSAGES[key];
  return { en: fill(t.en, params, 'en'), vi: fill(t.vi, params, 'vi') };
}

function fill(template: string, params: Record<string, MessageParam>, lang: Lang): string {
  const shown: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) shown[k] = typeof v === 'object' ? v[lang] : String(v);
  return renderTemplate(template, shown, lang);
}

/** The problems of a run as the report's input errors, in its language. */
export function inLanguage(problems: readonly InputProblem[], lang: Lang): InputError[] {
  return problems.map((p) => ({ ...p, message: p.message[lang] }));
}
