// Start-up cost is measured by bench/ (cold start of one check); this guards its cause: modules
// that only some runs need must not be loaded by every run.
import { join } from 'node:path';
import { execa } from 'execa';
import { expect, it } from 'vitest';
import { AS_OF, ROOT } from '../helpers.js';

const PROBE = `
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { main } = await import(${JSON.stringify(join(ROOT, 'dist/cli/main.js'))});
process.stdout.write = () => true;
await main(['node', 'tuanthu', 'check', 'examples/mof-public-services/system.yaml', '--as-of', '${AS_OF}']);
process.stderr.write(JSON.stringify(Object.keys(require.cache)));
`;

it('a text check loads neither the JUnit XML builder, the child-process library nor the JSON position parser', async () => {
  const r = await execa('node', ['--input-type=module', '-e', PROBE], { cwd: ROOT });
  const loaded = JSON.parse(r.stderr) as string[];
  expect(loaded.length).toBeGreaterThan(0);
  expect(
    loaded.filter((m) => /node_modules\/(xmlbuilder2|@oozcitak|execa|cross-spawn|jsonc-parser)\//.test(m)),
  ).toEqual([]);
});
