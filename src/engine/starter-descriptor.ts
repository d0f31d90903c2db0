// The starter descriptor `tuanthu init` writes: every required field, each optional section as a
// commented example, comments in Vietnamese and English, and what the infrastructure code shows
// (providers, regions, resources) filled in. Pure: facts in, YAML text out.

export interface StarterFacts {
  id: string;
  name: string;
  owner: string;
  sector: 'civil' | 'military' | 'defence' | 'cipher';
  stage: 'design' | 'build' | 'pre-production' | 'production';
  level?: number;
  /** Path of the JSON Schema, relative to the descriptor, for editors' completion. */
  schemaPath: string;
  /** Infrastructure-code paths relative to the descriptor. */
  iac: string[];
  /** Where the code deploys: one entry per provider and region. */
  places: Array<{ provider: string; region: string | null; country?: string; where?: string; resources: number }>;
  /** Resource types found, with counts, for the comment that says what the code holds. */
  resourceTypes: Array<{ type: string; count: number }>;
}

/** A YAML scalar that reads back as the same string (quoted unless plainly safe). */
function scalar(s: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} ._/()-]*$/u.test(s) && !/^(true|false|null|yes|no|on|off|~|\d[\d.:-]*)$/i.test(s)
    ? s
    : JSON.stringify(s);
}

/** The descriptor text. Lines starting with "#" are guidance; the rest is the smallest valid descriptor. */
export function starterDescriptor(f: StarterFacts): string {
  const L: string[] = [];
  const push = (...lines: string[]) => L.push(...lines);
  push(
    `# yaml-language-server: $schema=${f.schemaPath}`,
    '# Bản mô tả hệ thống thông tin do `tuanthu init` tạo: điền các mục còn trống rồi chạy `tuanthu check`.',
    '# System descriptor written by `tuanthu init`: fill in what is left, then run `tuanthu check`.',
    '# Mỗi phát hiện của `tuanthu check` chỉ ra trường cần khai báo và điều khoản yêu cầu nó.',
    '# Every finding of `tuanthu check` names the field to declare and the clause that requires it.',
    'apiVersion: tuanthu/v1',
    'kind: InformationSystem',
    'system:',
    '  # Mã hệ thống, chữ thường và gạch nối — system id, lower case and hyphens',
    `  id: ${scalar(f.id)}`,
    '  # Tên hệ thống — system name',
    `  name: ${scalar(f.name)}`,
    '  # Cơ quan chủ quản — owning agency',
    `  owner: ${scalar(f.owner)}`,
    '  # civil (dân sự), military (quân sự), defence (quốc phòng), cipher (cơ yếu)',
    `  sector: ${f.sector}`,
    '  # Người đứng đầu chịu trách nhiệm (phê duyệt miễn trừ quy tắc nghiêm trọng) — accountable head (approves waivers of critical rules)',
    '  # accountable_head: {name: Nguyễn Văn A, title: Thứ trưởng}',
    '  # Đơn vị chuyên trách an toàn thông tin — security unit',
    '  # security_unit: {name: Phòng An toàn thông tin, contact: attt@example.gov.vn}',
    '  # Có phục vụ người dân, doanh nghiệp không — does it serve citizens or businesses',
    '  # citizen_facing: true',
    '  # Nguồn kinh phí: public_investment (dự án đầu tư công), recurrent_budget (chi thường xuyên), other — funding (SUP-02)',
    '  # funding: public_investment',
    'lifecycle:',
    '  # design (thiết kế), build (xây dựng), pre-production (trước vận hành), production (vận hành)',
    `  stage: ${f.stage}`,
    '  # go_live: 2026-12-31',
  );
  push(
    '# Cấp độ an toàn và quyết định phê duyệt — security level (1–5) and its approval',
    ...(f.level !== undefined
      ? ['classification:', `  level: ${f.level}`, '  # rationale: Vì sao là cấp độ này — why this level']
      : ['# classification:', '#   level: 3', '#   rationale: Vì sao là cấp độ này — why this level']),
    `${f.level !== undefined ? '' : '# '}  # approval: {decision: 123/QĐ-XXX, by: Bộ trưởng, date: 2026-01-31}`,
  );
  push(
    '# Dữ liệu — data the system holds',
    '# data:',
    '#   personal_subjects: 0',
    '#   sensitive_personal: false',
    '#   state_secret: none',
  );
  const label = (p: StarterFacts['places'][number]) =>
    `${p.provider}${p.region ? ` ${p.region}` : ''}${p.where ? ` (${p.where})` : ''}`;
  const known = f.places.filter((p) => p.country);
  const unknown = f.places.filter((p) => !p.country);
  const unknownLines = unknown.map(
    (p) =>
      `#     - {name: ${scalar(label(p))}, country: ??, provider: ${scalar(p.provider)}}  # quốc gia chưa rõ — country not known: fill it in`,
  );
  if (known.length > 0) {
    push(
      '# Nơi triển khai, theo mã hạ tầng — where the infrastructure code deploys (check names, add certified: true where it is)',
      'hosting:',
      '  data_centres:',
      ...known.map(
        (p) =>
          `    - {name: ${scalar(label(p))}, country: ${p.country}, provider: ${scalar(p.provider)}}  # ${p.resources} resource(s)`,
      ),
      ...unknownLines,
    );
  } else {
    push(
      '# Nơi đặt hệ thống — where it is hosted',
      '# hosting:',
      '#   data_centres:',
      ...(unknownLines.length > 0 ? unknownLines : ['#     - {name: Trung tâm dữ liệu, country: VN, certified: true}']),
    );
  }
  push(
    '# Giám sát 24/7 và kết nối Trung tâm Giám sát an toàn không gian mạng quốc gia — 24/7 monitoring and the national connection',
    '# monitoring:',
    '#   soc_24x7: {provider: Đơn vị giám sát, since: 2026-01-01}',
    '#   national_connection: {centre: NCSC, connected: true, since: 2026-01-01}',
    '# Ngân sách, phần an toàn thông tin ít nhất 15% — budget lines; security at least 15%',
    '# budget:',
    '#   currency: VND',
    '#   lines:',
    '#     - {item: Phát triển phần mềm, amount: 1000000000, category: development}',
    '#     - {item: Giải pháp an toàn thông tin, amount: 200000000, category: security}',
    '# Các mục khác (design, protection_layers, incident_response, crypto, identity, vulnerabilities, supply_chain,',
    '# governance): xem `tuanthu explain <ID>` cho từng phát hiện và schemas/system.schema.json.',
    '# Other sections: see `tuanthu explain <ID>` for each finding, and schemas/system.schema.json.',
  );
  if (f.iac.length > 0) {
    push('# Mã hạ tầng làm bằng chứng, tương đối với tệp này — infrastructure code as evidence, relative to this file');
    if (f.resourceTypes.length > 0) {
      const shown = f.resourceTypes.slice(0, 12).map((r) => `${r.type} ×${r.count}`);
      push(`# Tìm thấy — found: ${shown.join(', ')}${f.resourceTypes.length > 12 ? ', …' : ''}`);
    }
    push('iac:', ...f.iac.map((p) => `  - ${scalar(p)}`));
  }
  return `${L.join('\n')}\n`;
}
