import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inTempDir, ROOT } from '../helpers.js';

/**
 * The documentation is executable: the rule pages are what scripts/gen-rule-docs.mjs writes now,
 * and every example command in the README and in `--help` runs (exit 0 or 1, never a usage or
 * input error, never an internal error).
 */

const BIN = join(ROOT, 'bin/tuanthu.js');

function run(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** Shell-like word splitting (quotes and backslashes; no expansion), enough for documented commands. */
function splitArgs(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) cur += line[++i];
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (quote) throw new Error(`unbalanced quote in: ${line}`);
  if (inWord) out.push(cur);
  return out;
}

/** The tuanthu commands of a README ```sh line ("npm ci && npx tuanthu check x  # comment" → ["check", "x"]). */
function readmeCommands(markdown: string): string[][] {
  const cmds: string[][] = [];
  for (const block of markdown.matchAll(/^```sh\n([\s\S]*?)^```/gm)) {
    for (const raw of block[1]!.split('\n')) {
      const line = raw.replace(/(^|\s)#.*$/, '').trim();
      for (const part of line.split(/\s*&&\s*/)) {
        const words = splitArgs(part);
        const at = words[0] === 'npx' ? 1 : 0;
        if (words[at] === 'tuanthu') cmds.push(words.slice(at + 1));
      }
    }
  }
  return cmds;
}

/** `$ tuanthu …` example lines of a help text; the command ends where its aligned comment begins. */
function helpCommands(help: string): string[][] {
  return [...help.matchAll(/^\s*\$ tuanthu (.*)$/gm)].map((m) => splitArgs(m[1]!.split(/ {2,}/)[0]!));
}

/** The command paths of every (sub)command, from the program's own help: [[], ['check'], …, ['baseline', 'create'], …]. */
function commandPaths(): string[][] {
  const names = (args: string[]) => {
    const help = run([...args, '--help']).stdout;
    const section = help.split(/^Commands:\n/m)[1] ?? '';
    return [...section.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]!).filter((n) => n !== 'help');
  };
  const paths: string[][] = [[]];
  for (const top of names([])) {
    paths.push([top]);
    for (const sub of names([top])) paths.push([top, sub]);
  }
  return paths;
}

/** Outputs (`--format x=file`, `-o file`) and the baseline they feed go to dir, never into the repository. */
function redirectFiles(args: string[], dir: string): string[] {
  const inDir = (file: string) => join(dir, file.replace(/[\\/]/g, '_'));
  return args.map((a, i) => {
    const prev = args[i - 1];
    if ((prev === '-o' || prev === '--output' || prev === '--baseline') && !a.startsWith('-')) return inDir(a);
    if ((prev === '-f' || prev === '--format') && a.includes('=')) {
      const [name, file] = a.split(/=(.*)/s, 2) as [string, string];
      return `${name}=${inDir(file)}`;
    }
    const m = /^(--(?:output|baseline)=|--format=[a-z]+=)(.+)$/.exec(a);
    return m ? `${m[1]}${inDir(m[2]!)}` : a;
  });
}

describe('rule pages', () => {
  it('docs/rules/ is what scripts/gen-rule-docs.mjs generates from the catalogue now (run npm run docs:rules)', async () => {
    await inTempDir('tuanthu-rule-docs-', (dir) => {
      execFileSync(process.execPath, [join(ROOT, 'scripts/gen-rule-docs.mjs'), '--out', dir], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      const committed = join(ROOT, 'docs/rules');
      const want = readdirSync(dir).sort();
      expect(
        readdirSync(committed)
          .filter((f) => f.endsWith('.md'))
          .sort(),
      ).toEqual(want);
      for (const f of want)
        expect(readFileSync(join(committed, f), 'utf8'), `docs/rules/${f} is stale: run npm run docs:rules`).toBe(
          readFileSync(join(dir, f), 'utf8'),
        );
      expect(want.length).toBeGreaterThan(50);
    });
  });
});

describe('providers page', () => {
  it('docs/providers.md is what scripts/gen-providers-doc.mjs generates from the mapping data now (run npm run docs:providers)', async () => {
    await inTempDir('tuanthu-providers-doc-', (dir) => {
      const out = join(dir, 'providers.md');
      execFileSync(process.execPath, [join(ROOT, 'scripts/gen-providers-doc.mjs'), '--out', out], { cwd: ROOT });
      const want = readFileSync(out, 'utf8');
      expect(readFileSync(join(ROOT, 'docs/providers.md'), 'utf8'), 'docs/providers.md is stale').toBe(want);
      // Every mapped type of every concept has its row, with the source it was read from.
      const clouds = JSON.parse(readFileSync(join(ROOT, 'build/policy/data.json'), 'utf8')).tuanthu.clouds;
      for (const concept of ['volume_encryption', 'public_exposure', 'admin_exposure'])
        for (const [type, m] of Object.entries(clouds[concept] as Record<string, { source: string }>)) {
          expect(want).toContain(`\`${type}\``);
          expect(m.source, `${concept}.${type} names its source`).toMatch(/terraform-provider-/);
        }
    });
  });
});

describe('compliance matrix', () => {
  it('docs/compliance-matrix{,.vi}.md are what scripts/gen-compliance-matrix.mjs writes now (run npm run docs:matrix)', async () => {
    await inTempDir('tuanthu-matrix-docs-', (dir) => {
      execFileSync(process.execPath, [join(ROOT, 'scripts/gen-compliance-matrix.mjs'), '--out', dir], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      for (const f of ['compliance-matrix.md', 'compliance-matrix.vi.md']) {
        const fresh = readFileSync(join(dir, f), 'utf8');
        expect(readFileSync(join(ROOT, 'docs', f), 'utf8'), `docs/${f} is stale: run npm run docs:matrix`).toBe(fresh);
        // Every rule the matrix links to has its page.
        for (const [, id] of fresh.matchAll(/\]\(rules\/([A-Z0-9-]+)\.md\)/g))
          expect(readdirSync(join(ROOT, 'docs/rules')), `docs/${f} links to a missing rule page`).toContain(`${id}.md`);
      }
    });
  });
});

describe('documented commands run', () => {
  it('finds the commands of the README and of every --help', () => {
    const readme = readmeCommands(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    expect(readme.length).toBeGreaterThanOrEqual(5);
    expect(readme[0]).toEqual(['check', 'examples/mof-public-services/system.yaml']);
    const paths = commandPaths();
    for (const p of [['check'], ['gate'], ['baseline', 'create'], ['waivers', 'list'], ['rules'], ['explain']])
      expect(paths).toContainEqual(p);
    expect(helpCommands(run(['check', '--help']).stdout).length).toBeGreaterThanOrEqual(4);
  });

  const sources: [string, () => string[][]][] = [
    ['README.md', () => readmeCommands(readFileSync(join(ROOT, 'README.md'), 'utf8'))],
    ...commandPaths().map((p): [string, () => string[][]] => [
      `tuanthu ${[...p, '--help'].join(' ')}`,
      () => helpCommands(run([...p, '--help']).stdout),
    ]),
  ];
  for (const [where, commands] of sources) {
    it(`every example in ${where} exits 0 or 1 without an internal error`, { timeout: 120_000 }, async () => {
      await inTempDir('tuanthu-doc-cmds-', (dir) => {
        // In order: a `baseline create` example feeds the `check --baseline` after it.
        for (const cmd of commands()) {
          const args = redirectFiles(cmd, dir);
          const r = run(args);
          const shown = `tuanthu ${cmd.join(' ')} (from ${where})`;
          expect(r.error, shown).toBeUndefined();
          expect(r.stderr, shown).not.toMatch(/internal error/i);
          expect([0, 1], `${shown} exited ${r.status}: ${r.stderr}`).toContain(r.status);
        }
      });
    });
  }
});
