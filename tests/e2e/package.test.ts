// The npm package as a user gets it: the working tree copied as a fresh clone would hold it, packed
// with `npm pack` (which builds it: prepack), the tarball installed into an empty project from the npm
// cache, then `npx tuanthu check`, `npx tuanthu schema` and `import('tuanthu/cdktf')` run there.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, ROOT } from '../helpers.js';

interface Manifest {
  version: string;
  files: string[];
  scripts: Record<string, string>;
  license: string;
  bin: Record<string, string>;
  exports: Record<string, string>;
}

const ENV = { ...process.env, NO_COLOR: '1', CI: 'true', npm_config_update_notifier: 'false' };
const sh = (cmd: string, args: string[], cwd: string) =>
  spawnSync(cmd, args, { cwd, encoding: 'utf8', env: ENV, maxBuffer: 64 * 1024 * 1024 });

let clone: string;
let tarball: string;
let entries: string[];
let consumer: string;
let installed: string;
let packOutput: { stdout: string; stderr: string };

beforeAll(() => {
  // A fresh clone: the files git tracks or would track, no dist/, the shared node_modules for the build tools.
  clone = mkdtempSync(join(tmpdir(), 'tuanthu-clone-'));
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  for (const f of listed.split('\0').filter(Boolean)) {
    if (!existsSync(join(ROOT, f))) continue; // deleted in the working tree
    mkdirSync(dirname(join(clone, f)), { recursive: true });
    cpSync(join(ROOT, f), join(clone, f));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));

  const out = mkdtempSync(join(tmpdir(), 'tuanthu-pack-'));
  const packed = sh('npm', ['pack', '--silent', '--pack-destination', out], clone);
  expect(packed.status, packed.stderr).toBe(0);
  tarball = join(out, readdirSync(out).find((f) => f.endsWith('.tgz'))!);
  packOutput = { stdout: packed.stdout, stderr: packed.stderr };
  entries = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);

  consumer = mkdtempSync(join(tmpdir(), 'tuanthu-consumer-'));
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // Dependencies come from the npm cache that `npm ci` filled; the registry only for what it lacks.
  const install = sh(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball],
    consumer,
  );
  expect(install.status, install.stderr).toBe(0);
  installed = join(consumer, 'node_modules/tuanthu');
  cpSync(join(ROOT, 'examples/province-land-portal'), join(consumer, 'systems/province-land-portal'), {
    recursive: true,
  });
  cpSync(join(ROOT, 'examples/mof-public-services'), join(consumer, 'systems/mof-public-services'), {
    recursive: true,
  });
}, 300_000);

describe('the packed tarball', () => {
  it('is built by packing (prepack), and the build prints nothing when it succeeds', () => {
    expect(entries).toContain('package/dist/cli/main.js');
    expect(entries).toContain('package/dist/io/descriptor/validators/system.schema.cjs');
    // With npm's own lines silenced, what is left is the build's output, then the tarball's name.
    expect(packOutput).toEqual({ stdout: `${basename(tarball)}\n`, stderr: '' });
  });

  it('holds the licence it declares, every path `files` lists, and no source maps or sources', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Manifest;
    expect(manifest.license).toBe('Apache-2.0');
    const licence = readFileSync(join(installed, 'LICENSE'), 'utf8');
    expect(licence).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(licence).toContain('END OF TERMS AND CONDITIONS');
    for (const f of manifest.files)
      expect(
        entries.some((e) => e.startsWith(`package/${f}/`) || e === `package/${f}`),
        f,
      ).toBe(true);
    for (const f of [...Object.values(manifest.bin), ...Object.values(manifest.exports)])
      expect(entries, f).toContain(`package/${f.replace(/^\.\//, '')}`);
    expect(entries.filter((e) => e.endsWith('.map'))).toEqual([]);
    expect(entries.filter((e) => /^package\/(src|tests|policies|bench|scripts)\//.test(e))).toEqual([]);
    const dist = entries.filter((e) => e.startsWith('package/dist/') && e.endsWith('.js'));
    expect(dist.length).toBeGreaterThan(20);
    for (const e of dist)
      expect(readFileSync(join(consumer, 'node_modules/tuanthu', e.slice('package/'.length)), 'utf8'), e).not.toContain(
        'sourceMappingURL',
      );
  });

  it('does not build or run scripts when installed (no prepare, install or postinstall)', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Manifest;
    for (const s of ['prepare', 'preinstall', 'install', 'postinstall']) expect(manifest.scripts).not.toHaveProperty(s);
    expect(manifest.scripts.prepack).toMatch(/npm run build/);
    expect(existsSync(join(installed, 'tsconfig.json'))).toBe(false);
  });
});

describe('the installed package', () => {
  it('npx tuanthu check finds the violations of a failing system and passes a compliant one', () => {
    const failing = sh(
      'npx',
      [
        '--no-install',
        'tuanthu',
        'check',
        'systems/province-land-portal/system.yaml',
        '--as-of',
        AS_OF,
        '--lang',
        'en',
      ],
      consumer,
    );
    expect(failing.stderr).toBe('');
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('LVL-02');
    const passing = sh(
      'npx',
      ['--no-install', 'tuanthu', 'check', 'systems/mof-public-services/system.yaml', '--as-of', AS_OF],
      consumer,
    );
    expect(passing.status).toBe(0);
  });

  it('npx tuanthu schema prints the shipped descriptor schema, which a $schema path can name', () => {
    const r = sh('npx', ['--no-install', 'tuanthu', 'schema'], consumer);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(installed, 'schemas/system.schema.json'), 'utf8'));
    // The path docs/descriptor.md gives for an installed package, from a descriptor at the project's root.
    expect(existsSync(join(consumer, './node_modules/tuanthu/schemas/system.schema.json'))).toBe(true);
  });

  it("import('tuanthu/cdktf') checks a synthesised stack, and import('tuanthu') gives the library", () => {
    const stack = join(consumer, 'systems/province-land-portal/iac/cdktf.out/stacks/portal/cdk.tf.json');
    const script = `
      const { checkStack } = await import('tuanthu/cdktf');
      const { lint } = await import('tuanthu');
      const tf = JSON.parse((await import('node:fs')).readFileSync(${JSON.stringify(stack)}, 'utf8'));
      const lines = checkStack({ toTerraform: () => tf, node: { path: 'portal', addValidation() {} } }, { asOf: '${AS_OF}' });
      console.log(JSON.stringify({ lines, lint: typeof lint }));`;
    const r = sh(process.execPath, ['--input-type=module', '-e', script], consumer);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { lines: string[]; lint: string };
    expect(out.lint).toBe('function');
    expect(out.lines.length).toBeGreaterThan(0);
    expect(out.lines.some((l) => /^AWS-/.test(l))).toBe(true);
  });
});

describe('the examples name schemas that exist', () => {
  it('every `$schema=` hint of an example descriptor resolves to a file', () => {
    const dirs = readdirSync(join(ROOT, 'examples'));
    let hints = 0;
    for (const d of dirs) {
      const file = join(ROOT, 'examples', d, 'system.yaml');
      if (!existsSync(file)) continue;
      const m = /\$schema=(\S+)/.exec(readFileSync(file, 'utf8'));
      if (!m) continue;
      hints++;
      expect(existsSync(join(dirname(file), m[1]!)), `${d}: ${m[1]}`).toBe(true);
    }
    expect(hints).toBeGreaterThan(3);
  });
});
