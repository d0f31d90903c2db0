// Commands shown for people to paste (the HTML report's "reproduce this run"): every argument
// reaches the program as it is, whatever its bytes, in any POSIX shell (and zsh).

/** Characters no POSIX shell (nor zsh) gives a meaning to inside a word; `=` and `~` only mean something first. */
const PLAIN = /^[A-Za-z0-9_./:@%+,-][A-Za-z0-9_./:@%+,=~-]*$/;

/**
 * One argument for a POSIX shell: as it is when it is plain, else in single quotes (inside which
 * nothing is special), a quote written `'\''`. Quoting does not stop a program from taking a
 * word that begins with `-` as an option: put such words after `--`.
 */
export function shellQuote(arg: string): string {
  return PLAIN.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** A command line from its words, each quoted. */
export function shellCommand(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}
