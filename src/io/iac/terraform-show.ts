// `terraform show -json` for a binary plan: the one child process tuanthu starts. A plan is
// untrusted input (a zip bomb made the child grow to 15 GB; a `terraform` that never returns hung
// the run), so the child is bounded in time, memory, output and environment, and never outlives
// tuanthu.
import { accessSync, constants } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { localized } from '../../i18n/index.js';
import type { Localized } from '../../model/types.js';

/** Default for --terraform-timeout (seconds): a 50,000-resource plan converts in well under a minute. */
export const DEFAULT_TERRAFORM_TIMEOUT_S = 120;

/** Address space the child may take (Linux, through prlimit): at least 4 GiB, or 16 times the output it may print. */
export function terraformMemoryBytes(maxOutputBytes: number): number {
  return Math.max(4 * 1024 ** 3, 16 * maxOutputBytes);
}

/** Output kept of the child's standard error: the first lines say why it failed. */
const MAX_STDERR = 1024 * 1024;

export type ShowResult = { ok: true; json: string } | { ok: false; code: string; message: Localized };

/**
 * Only what Terraform needs to read a plan: where programs are, the home folder (its CLI
 * configuration and plugin cache) and its own TF_* settings — not TF_VAR_* (variable values, often
 * secrets) nor TF_TOKEN_* (registry credentials); no cloud credentials, which `show` does not use.
 */
export function terraformEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  const keep = ['PATH', 'HOME', 'TMPDIR', 'SystemRoot', 'SYSTEMROOT', 'PATHEXT', 'USERPROFILE', 'APPDATA', 'TEMP'];
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) continue;
    if (keep.includes(k) || (k.startsWith('TF_') && !k.startsWith('TF_VAR_') && !k.startsWith('TF_TOKEN_'))) out[k] = v;
  }
  out.TF_IN_AUTOMATION = '1';
  return out;
}

/** The first executable `name` on PATH, if any. */
function onPath(name: string, path: string | undefined): string | undefined {
  for (const dir of (path ?? '').split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

// Process groups of the children running now. Each child leads its own group, so that Terraform's
// own children (provider plugins) go with it: one that kept the output pipe open held the run for
// as long as it lived, even after its parent was killed.
const live = new Set<number>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function killGroup(pid: number): void {
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

const killAll = () => {
  for (const pid of live) killGroup(pid);
};

/**
 * A child in its own group does not get the terminal's Ctrl-C, so tuanthu passes it on: on SIGINT,
 * SIGTERM or SIGHUP the children are killed, and the signal then takes its course (the CLI's own
 * handler, or Node's default when this is the only listener).
 */
function onSignal(signal: NodeJS.Signals): void {
  killAll();
  live.clear();
  if (process.listenerCount(signal) === 1) {
    unhook();
    process.kill(process.pid, signal);
  }
}

function hook(): void {
  process.on('exit', killAll);
  for (const s of SIGNALS) process.on(s, onSignal);
}

function unhook(): void {
  process.off('exit', killAll);
  for (const s of SIGNALS) process.off(s, onSignal);
}

/**
 * Runs `terraform show -json -no-color <plan>` in the plan's folder (Terraform reads a saved plan
 * together with the initialised working directory beside it: its providers' schemas), with:
 * - a time limit (`timeoutMs`), after which the child and its own children are killed;
 * - on Linux, an address-space limit through util-linux's prlimit when it is installed (Node cannot
 *   set a child's rlimits itself); elsewhere, none;
 * - at most `maxOutputBytes` of JSON, after which the child is killed;
 * - a clean environment (terraformEnv) and no standard input;
 * - SIGKILL to its whole process group whenever it is stopped, also when tuanthu exits or gets
 *   SIGINT/SIGTERM/SIGHUP: `show` only reads, so nothing is left half-written, and a child that
 *   ignores SIGTERM still goes.
 */
export async function terraformShow(
  plan: string,
  { timeoutMs, maxOutputBytes }: { timeoutMs: number; maxOutputBytes: number },
): Promise<ShowResult> {
  const env = terraformEnv(process.env);
  const prlimit = process.platform === 'linux' ? onPath('prlimit', env.PATH) : undefined;
  const args = ['show', '-json', '-no-color', plan];
  const [cmd, argv] = prlimit
    ? [prlimit, [`--as=${terraformMemoryBytes(maxOutputBytes)}`, '--', 'terraform', ...args]]
    : ['terraform', args];
  // Loaded on demand: only binary plans need a child process.
  const { execa } = await import('execa');
  const child = execa(cmd, argv, {
    cwd: dirname(plan),
    env,
    extendEnv: false,
    stdin: 'ignore',
    reject: false,
    detached: process.platform !== 'win32',
    cleanup: false,
    killSignal: 'SIGKILL',
    maxBuffer: { stdout: maxOutputBytes, stderr: MAX_STDERR },
    encoding: 'utf8',
    stripFinalNewline: false,
  });
  const pid = child.pid;
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  if (pid !== undefined) {
    if (live.size === 0) hook();
    live.add(pid);
    if (timeoutMs > 0)
      timer = setTimeout(() => {
        timedOut = true;
        killGroup(pid);
      }, timeoutMs);
  }
  let r: Awaited<typeof child>;
  try {
    r = await child;
  } finally {
    if (timer) clearTimeout(timer);
    if (pid !== undefined) {
      // Whatever it left running (a plugin) goes with it.
      killGroup(pid);
      live.delete(pid);
      if (live.size === 0) unhook();
    }
  }
  if (timedOut)
    return {
      ok: false,
      code: 'terraform-timeout',
      message: localized('input.terraform-timeout', { seconds: Math.round(timeoutMs / 1000) }),
    };
  if (r.isMaxBuffer)
    return {
      ok: false,
      code: 'terraform-output',
      message: localized('input.terraform-output', { limit: maxOutputBytes }),
    };
  // Without prlimit, a missing terraform is execa's ENOENT; through prlimit, prlimit's own message and exit 1.
  const missing =
    (r as { code?: string }).code === 'ENOENT' ||
    (prlimit !== undefined && r.exitCode !== 0 && /failed to execute terraform/i.test(String(r.stderr)));
  if (missing) return { ok: false, code: 'terraform-missing', message: localized('input.terraform-missing') };
  // Started but not run (EACCES, …): execa's short message names the cause.
  if (r.exitCode === undefined && !r.signal)
    return {
      ok: false,
      code: 'terraform-show',
      message: localized('input.terraform-show-failed', {
        detail: (r as { code?: string }).code ?? String(r.shortMessage),
      }),
    };
  if (r.exitCode !== 0 || r.signal) {
    const stderr = String(r.stderr ?? '');
    if (prlimit && /out of memory|cannot allocate memory/i.test(stderr))
      return {
        ok: false,
        code: 'terraform-memory',
        message: localized('input.terraform-memory', { limit: terraformMemoryBytes(maxOutputBytes) }),
      };
    const why = stderr
      .split('\n')
      .map((l) => l.replace(/^[│╷╵]\s?/, '').trim())
      .filter(Boolean)
      .slice(0, 3)
      .join(' ');
    if (why)
      return { ok: false, code: 'terraform-show', message: localized('input.terraform-show-refused', { detail: why }) };
    return {
      ok: false,
      code: 'terraform-show',
      message: localized('input.terraform-show-exit', { code: String(r.exitCode ?? r.signal) }),
    };
  }
  return { ok: true, json: String(r.stdout) };
}
