// The one definition of "blank" for text a person must write (a justification, an approver, a name, a
// reason): the schemas' pattern, the waiver checks and the rule-settings checks all use it, so text that
// the schema rejects is also rejected when lint() is given inputs no schema has seen, and the reverse.

/**
 * Characters that show nothing and are not white space to `\s`: the soft hyphen, the Mongolian vowel
 * separator, zero-width space/joiners and the directional marks (U+200B–U+200F), the directional
 * embeddings, overrides and pops (U+202A–U+202E; U+2028/2029/202F are white space), the word joiner,
 * invisible operators and directional isolates (U+2060–U+206F; U+205F is white space) and the BOM.
 */
const INVISIBLE_CLASS = '\\u00AD\\u180E\\u200B-\\u200F\\u2028-\\u202F\\u205F-\\u206F\\uFEFF';

/**
 * The schemas' `pattern` for such text (schemas/*.schema.json hold this exact string; a test checks):
 * at least one character that is neither white space nor invisible.
 */
export const VISIBLE_TEXT = `[^\\s${INVISIBLE_CLASS}]`;

const VISIBLE = new RegExp(VISIBLE_TEXT, 'u');
const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'gu');

/** True when the text has no character a reader would see (undefined, empty, spaces, invisible only). */
export function isBlank(text: string | undefined): boolean {
  return text === undefined || !VISIBLE.test(text);
}

/** The text without its invisible characters (white space is left as it is). */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * The form in which names are compared (agencies by system.owner, an approver against the accountable head):
 * Unicode NFC, invisible characters removed, runs of white space as one space, no leading or trailing space.
 * "Bộ  Tài chính" typed with a decomposed "ộ", a double or non-breaking space or a trailing space is the same name.
 */
export function comparableName(name: string): string {
  return withoutInvisible(name.normalize('NFC')).replace(/\s+/gu, ' ').trim();
}

/**
 * The value with every string (keys stay as written: JSON pointers name them) in Unicode NFC; the same
 * object when nothing changes, so a descriptor typed composed costs a walk and no copy. The policies
 * compare names and words (an appraiser against the operator) and Rego has no normalisation, so a
 * Vietnamese name typed decomposed (NFD, as some keyboards and macOS file names give it) must reach
 * them composed.
 */
export function nfcStrings<T>(value: T): T {
  return nfc(value) as T;
}

function nfc(v: unknown): unknown {
  if (typeof v === 'string') return v.normalize('NFC');
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const n = nfc(v[i]);
      if (n !== v[i]) (out ??= v.slice())[i] = n;
    }
    return out ?? v;
  }
  if (v !== null && typeof v === 'object') {
    let out: Record<string, unknown> | undefined;
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      const n = nfc(o[k]);
      if (n !== o[k]) (out ??= { ...o })[k] = n;
    }
    return out ?? v;
  }
  return v;
}
