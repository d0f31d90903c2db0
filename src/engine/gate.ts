import { isBlocking } from './exit-code.js';
import type { Finding, IacEvidence, Report, WaiverRecord } from '../model/types.js';

export interface SystemVerdict {
  id: string;
  name: string;
  file: string;
  accountableHead?: string;
  /** May this system go live on the report's as-of date? Never when its IaC was not (all) evaluated. */
  go: boolean;
  /** The IaC inputs whose evidence was not seen (SystemReport.iac), which keep the gate from GO. */
  unseen: IacEvidence[];
  blocking: Finding[];
  /** Findings accepted by a waiver that the gate honours (non-critical rules). */
  debt: Finding[];
  /** Waivers of critical rules, which the gate does not honour. */
  ignored: WaiverRecord[];
  /** Other waivers that did not apply: expired, invalid, stale. */
  otherWaivers: WaiverRecord[];
}

export interface GateVerdict {
  asOf: string;
  /** undefined when an input could not be checked: no verdict can be given. */
  go: boolean | undefined;
  systems: SystemVerdict[];
}

/**
 * The go-live decision from a report evaluated at stage pre-production: a system may go live when
 * no blocking finding remains. Pure; the report already carries the gate's waiver decisions.
 */
export function gateVerdict(report: Report): GateVerdict {
  const waivers = report.waivers ?? [];
  const systems = report.systems.map((s): SystemVerdict => {
    const blocking = s.findings.filter((f) => isBlocking(f, report.failOn));
    const mine = waivers.filter((w) => w.system === s.id);
    return {
      id: s.id,
      name: s.name,
      file: s.file,
      ...(s.accountableHead ? { accountableHead: s.accountableHead.name } : {}),
      go: blocking.length === 0 && s.result !== 'incomplete',
      unseen: (s.iac ?? []).filter((e) => e.incomplete),
      blocking,
      debt: s.findings.filter((f) => f.waiver),
      ignored: mine.filter((w) => w.status === 'gate-ignored'),
      otherWaivers: mine.filter((w) => w.status === 'expired' || w.status === 'invalid' || w.status === 'stale'),
    };
  });
  const go = report.errors.length > 0 ? undefined : systems.every((s) => s.go);
  return { asOf: report.asOf, go, systems };
}
