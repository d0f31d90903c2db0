// Regenerates examples/*/iac/cdktf.out from the CDKTF stacks (examples/*/iac/stack.ts) without
// the cdktf CLI: compiles them with tsc, then runs app.synth(). tests/iac-examples.test.ts fails
// when the committed output is stale.
import { execFileSync } from 'node:child_process';
import { readdirSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'node_modules/.cache/tuanthu-examples');
const stacks = readdirSync(join(root, 'examples'))
  .map((d) => join('examples', d, 'iac/stack.ts'))
  .filter((p) => existsSync(join(root, p)));
rmSync(out, { recursive: true, force: true });
execFileSync(
  join(root, 'node_modules/.bin/tsc'),
  [
    '--outDir',
    out,
    '--rootDir',
    join(root, 'examples'),
    '--module',
    'NodeNext',
    '--moduleResolution',
    'NodeNext',
    '--target',
    'ES2022',
    '--skipLibCheck',
    '--strict',
    ...stacks,
  ],
  { cwd: root, stdio: 'inherit' },
);
for (const s of stacks) {
  const dir = join(root, s, '..');
  const mod = await import(pathToFileURL(join(out, s.replace(/^examples\//, '').replace(/\.ts$/, '.js'))).href);
  rmSync(join(dir, 'cdktf.out'), { recursive: true, force: true });
  mod.synth(join(dir, 'cdktf.out'));
  console.log(`synthesised ${s} → ${join(s, '..', 'cdktf.out/stacks/portal/cdk.tf.json')}`);
}
