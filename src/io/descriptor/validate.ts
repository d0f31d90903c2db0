import { localized } from '../../i18n/index.js';
import type { InputProblem } from '../../model/types.js';
import { validateAgainst } from './schema.js';
import type { SourceDoc } from './source.js';

/** A parsed file's problems as a system descriptor: not a mapping, or not what the schema allows. */
export function descriptorProblems(source: SourceDoc): InputProblem[] {
  const v = source.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    const kind = Array.isArray(v) ? 'list' : v === null ? 'empty' : typeof v;
    const shown = kind === 'list' || kind === 'empty' ? localized(`shape.${kind}`) : localized('shape.other', { kind });
    return [
      {
        file: source.file,
        line: 1,
        column: 1,
        code: 'not-a-descriptor',
        message: localized('input.not-a-descriptor', { shown }),
      },
    ];
  }
  return validateAgainst('system.schema.json', source);
}
