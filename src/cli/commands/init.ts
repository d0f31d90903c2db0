import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { EXIT_PASS, EXIT_USAGE } from '../../engine/exit-code.js';
import type { StarterFacts } from '../../engine/starter-descriptor.js';
import type { PolicyResource } from '../../model/iac.js';
import type { Lang } from '../../model/types.js';
import { assetPath } from '../../util/assets.js';
import { type CliIo, refuseUnsafeOutputs, writeOutputFile } from '../io.js';
import { addLangOption, parseCount } from '../options.js';
import { safeText } from '../../format/safe-text.js';

interface InitOpts {
  id?: string;
  name?: string;
  owner?: string;
  sector: StarterFacts['sector'];
  stage: StarterFacts['stage'];
  level?: number;
  iac?: string[];
  output?: string;
  force?: boolean;
  lang: Lang;
}

/** `tuanthu init [dir]`: a starter descriptor, prefilled from the directory's Terraform when there is some. */
export function registerInit(program: Command, io: CliIo, lang: Lang, setExit: (code: number) => void): void {
  const init = program
    .command('init')
    .description(
      'write a starter system descriptor: every required field, commented examples in Vietnamese and English, and where the Terraform in the directory deploys',
    )
    .argument('[dir]', 'the system’s directory (its Terraform, if any, is read)', '.')
    .addOption(new Option('--id <id>', 'system id: lower case, digits, . _ - (default: from the directory name)'))
    .addOption(new Option('--name <name>', 'system name (default: the id)'))
    .addOption(new Option('--owner <agency>', 'owning agency (cơ quan chủ quản)'))
    .addOption(
      new Option('--sector <sector>', 'civil, military, defence or cipher')
        .choices(['civil', 'military', 'defence', 'cipher'])
        .default('civil'),
    )
    .addOption(
      new Option('--stage <stage>', 'lifecycle stage')
        .choices(['design', 'build', 'pre-production', 'production'])
        .default('design'),
    )
    .addOption(new Option('--level <n>', 'security level 1-5, if decided').argParser(parseLevel))
    .addOption(
      new Option(
        '--iac <path>',
        'infrastructure code to read and list (default: the .tf/.tf.json files in dir)',
      ).argParser((v: string, prev: string[] = []) => [...prev, v]),
    )
    .addOption(new Option('-o, --output <file>', 'where to write it (default: DIR/system.yaml)'))
    .addOption(new Option('--force', 'replace the file if it exists'));
  addLangOption(init, lang)
    .addHelpText(
      'after',
      `
Exit codes: 0 written; 2 usage or input error (nothing written).

Examples:
  $ tuanthu init examples/terraform-hcl -o land-portal.yaml --id land-portal --level 3 --stage build
Then \`tuanthu check land-portal.yaml\` lists, clause by clause, what the new descriptor still lacks.`,
    )
    .action(async (dir: string, o: InitOpts) => {
      const root = resolve(dir);
      if (!existsSync(root) || !statSync(root).isDirectory()) {
        throw new InvalidArgumentError(`${dir}: not a directory`);
      }
      const output = resolve(o.output ?? join(root, 'system.yaml'));
      if (existsSync(output) && !o.force) {
        io.stderr(
          `tuanthu: ${relative(process.cwd(), output) || output} exists; give --force to replace it, or -o another file\n`,
        );
        setExit(EXIT_USAGE);
        return;
      }
      const id = o.id ?? slug(basename(root));
      if (!/^[a-z0-9][a-z0-9._-]{1,62}$/.test(id)) {
        throw new InvalidArgumentError(
          `"${id}" is not a system id: 2–63 of a-z 0-9 . _ -, starting with a letter or digit (give --id)`,
        );
      }
      const iacPaths = o.iac?.map((p) => resolve(p)) ?? (hasTerraform(root) ? [root] : []);
      // The infrastructure code read is an input: -o pointed at main.tf.json (with --force) must not replace it.
      const given = o.output ?? (relative(process.cwd(), output) || output);
      await refuseUnsafeOutputs([{ file: given, option: `-o ${given}` }], iacPaths);
      const { places, resourceTypes, problems } = await readEvidence(iacPaths);
      for (const p of problems) io.stderr(`${p}\n`);
      if (problems.length > 0) {
        io.stderr('tuanthu: descriptor not written: fix the infrastructure code first, or leave it out with --iac\n');
        setExit(EXIT_USAGE);
        return;
      }
      const { starterDescriptor } = await import('../../engine/starter-descriptor.js');
      const base = dirname(output);
      const text = starterDescriptor({
        id,
        name: o.name ?? id,
        owner: o.owner ?? (o.lang === 'vi' ? 'Chưa khai báo cơ quan chủ quản' : 'Owning agency not declared yet'),
        sector: o.sector,
        stage: o.stage,
        ...(o.level !== undefined ? { level: o.level } : {}),
        schemaPath: relative(base, assetPath('schemas', 'system.schema.json')),
        iac: iacPaths.map((p) => relative(base, p) || '.'),
        places,
        resourceTypes,
      });
      await writeOutputFile(output, [text]);
      // A folder's name may hold anything: shown escaped (format/safe-text.ts), as stderr is.
      const shown = safeText(relative(process.cwd(), output) || output);
      const count = resourceTypes.reduce((a, r) => a + r.count, 0);
      io.stdout(
        `${shown}: ${o.lang === 'vi' ? `bản mô tả ${id}` : `descriptor ${id}`}` +
          (iacPaths.length > 0
            ? o.lang === 'vi'
              ? `, ${count} tài nguyên từ mã hạ tầng`
              : `, ${count} resource(s) from the infrastructure code`
            : '') +
          `\n${o.lang === 'vi' ? 'Tiếp theo' : 'Next'}: tuanthu check ${shown}\n`,
      );
      setExit(EXIT_PASS);
    });
}

function parseLevel(v: string): number {
  const n = parseCount(v);
  if (n < 1 || n > 5) throw new InvalidArgumentError(`"${v}" is not a security level (1 to 5)`);
  return n;
}

/** A directory name as a system id: "Cong Dat Dai" → "cong-dat-dai". */
function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|-+$/g, '')
    .slice(0, 63);
}

function hasTerraform(dir: string): boolean {
  return readdirSync(dir).some((f) => /\.tf$|\.tf\.json$/i.test(f));
}

interface LocationData {
  providers: Record<
    string,
    {
      default_country?: string;
      regions?: Record<string, { country: string; name: string }>;
      zones?: Record<string, { country: string; name: string }>;
    }
  >;
}

/** Providers, places and resource types of the infrastructure code, with country from the policy's location data. */
async function readEvidence(paths: string[]): Promise<{
  places: StarterFacts['places'];
  resourceTypes: StarterFacts['resourceTypes'];
  problems: string[];
}> {
  if (paths.length === 0) return { places: [], resourceTypes: [], problems: [] };
  const [{ loadIac }, { policyData }] = await Promise.all([
    import('../../io/iac/load.js'),
    import('../../util/assets.js'),
  ]);
  const locations = (policyData() as unknown as { tuanthu: { locations: LocationData } }).tuanthu.locations;
  const resources: PolicyResource[] = [];
  const problems: string[] = [];
  for (const p of paths) {
    const shown = relative(process.cwd(), p) || '.';
    const r = await loadIac(p, shown);
    if (r.ok) resources.push(...r.stack.resources);
    else
      for (const e of r.errors)
        problems.push(`${e.file}${e.line ? `:${e.line}:${e.column ?? 1}` : ''}: error ${e.message.en}`);
  }
  const places = new Map<string, StarterFacts['places'][number]>();
  const types = new Map<string, number>();
  for (const r of resources) {
    types.set(r.type, (types.get(r.type) ?? 0) + 1);
    const data = locations.providers[r.provider];
    const zone = r.zone ? data?.zones?.[r.zone] : undefined;
    const region = r.region ? data?.regions?.[r.region] : undefined;
    const place = r.zone && zone ? r.zone : r.region;
    const key = `${r.provider}\u0000${place ?? ''}`;
    const known = zone ?? region;
    const country = known?.country ?? data?.default_country;
    const entry = places.get(key) ?? {
      provider: r.provider,
      region: place,
      ...(country ? { country } : {}),
      ...(known ? { where: known.name } : {}),
      resources: 0,
    };
    entry.resources++;
    places.set(key, entry);
  }
  return {
    places: [...places.values()].sort((a, b) => b.resources - a.resources),
    resourceTypes: [...types]
      .map(([type, count]) => ({ type, count }))
      .sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : 1)),
    problems,
  };
}
