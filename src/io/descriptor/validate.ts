import { inputMessage } from '../../i18n/input-messages.js';
import type { InputProblem, Localized } from '../../model/types.js';
import { validateAgainst } from './schema.js';
import type { SourceDoc } from './source.js';

/** A parsed file's problems as a system descriptor: not a mapping, or not what the schema allows. */
export function descriptorProblems(source: SourceDoc): InputProblem[] {
  const v = source.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    const kind = Array.isArray(v) ? 'list' : v === null ? 'empty' : typeof v;
    const shown = SHAPE_NAMES[kind] ?? { en: `a single ${kind}`, vi: `một giá trị ${kind}` };
    return [{ file: source.file, line: 1, column: 1, code: 'not-a-descriptor', message: inputMessage('not-a-descriptor', { shown }) }];
  }
  return validateAgainst('system.schema.json', source);
}

const SHAPE_NAMES: Record<string, Localized> = {
  list: { en: 'a list', vi: 'một danh sách' },
  empty: { en: 'empty', vi: 'rỗng' },
};
