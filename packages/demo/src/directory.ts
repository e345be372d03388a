/**
 * The demo council's directory (principals.json): every invented professional who writes a
 * demo command becomes a principal with a governance role, allocated to exactly the streams
 * they write in; school representatives, an auditor and a records manager complete the roles.
 */
import { roles, type DirectoryFile, type Role } from '@aimline/governance';
import type { ScenarioStep } from './scenario.js';

/** The governance role of each role the generators give their professionals. */
const ROLE_OF: Readonly<Record<string, Role>> = {
  'social worker': 'social-worker',
  'team manager': 'team-manager',
  'youth justice team manager': 'team-manager',
  'youth justice officer': 'youth-justice-officer',
  'detective constable': 'police',
  'child psychotherapist': 'health',
  'independent reviewing officer': 'independent-reviewing-officer',
  'business support officer': 'business-support',
  'business-support': 'business-support',
  chair: 'panel-chair',
  'co-chair': 'panel-chair',
  'attendance lead': 'attendance-lead',
  'data manager': 'attendance-lead',
  'learning mentor': 'attendance-lead',
  'attendance enforcement officer': 'attendance-officer',
  'records manager': 'records-manager',
  'lead officer for legal intervention in education (attendance)': 'attendance-officer',
};

export const DEMO_PANEL = 'aim-information-exchange-panel';

const roleOf = (role: string, moduleName: string): Role => {
  const known = ROLE_OF[role];
  if (known !== undefined) return known;
  // Every other seat of the panel is a standing member for its agency (003).
  if (moduleName.startsWith('panel-')) return 'panel-member';
  throw new Error(`demo: no governance role for the demo role "${role}" (${moduleName})`);
};

type Entry = DirectoryFile['principals'][number];
type Mutable = { -readonly [K in keyof Entry]: Entry[K] } & {
  streams: string[];
  pupils?: string[];
};

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

interface ChildRef {
  readonly childId: string;
  readonly school?: string;
}

/** Schools of the children named in a concern, each with the children at it. */
const schoolsOf = (step: ScenarioStep): ReadonlyArray<ChildRef> => {
  if (step.command.type !== 'ReportConcern') return [];
  const data = step.command.data as { child?: ChildRef; victim?: ChildRef };
  return [data.child, data.victim].filter((c): c is ChildRef => c !== undefined);
};

/**
 * The directory of the demo council for these steps: one principal per professional who
 * writes (their role mapped to a governance role, their allocations the streams they write
 * in, a panel seat for panel chairs and members), a school representative per school with a
 * child in an HSB case (their pupils, allocated to those cases), an auditor and a records
 * manager.
 */
export const demoDirectory = (steps: ReadonlyArray<ScenarioStep>): DirectoryFile => {
  const byId = new Map<string, Mutable>();
  for (const step of steps) {
    const { actor } = step.command;
    const stream = step.module.streamOf(step.command);
    const role = roleOf(actor.role, step.module.name);
    let entry = byId.get(actor.id);
    if (entry === undefined) {
      entry = { id: actor.id, role, agency: actor.agency, streams: [], panels: [] };
      byId.set(actor.id, entry);
    }
    if (entry.role !== role)
      throw new Error(`demo: ${actor.id} acts as both ${entry.role} and ${role}`);
    if (!entry.streams.includes(stream)) entry.streams.push(stream);
    if ((role === 'panel-chair' || role === 'panel-member') && entry.panels.length === 0)
      entry.panels = [DEMO_PANEL];
    for (const child of schoolsOf(step)) {
      if (child.school === undefined) continue;
      const id = `sr-${slug(child.school)}`.slice(0, 128);
      let rep = byId.get(id);
      if (rep === undefined) {
        rep = {
          id,
          role: 'school-representative',
          agency: 'education',
          streams: [],
          panels: [],
          // the school by id: the directory holds no value of the children's records
          school: `sch-${slug(child.school)}`,
          pupils: [],
        };
        byId.set(id, rep);
      }
      if (!rep.streams.includes(stream)) rep.streams.push(stream);
      if (!rep.pupils!.includes(child.childId)) rep.pupils!.push(child.childId);
    }
  }
  const oversight: Entry[] = [
    { id: 'aud-inspector-1', role: 'auditor', agency: 'inspectorate', streams: [], panels: [] },
    { id: 'rm-dpo-1', role: 'records-manager', agency: 'council', streams: [], panels: [] },
  ];
  const principals = [...byId.values(), ...oversight];
  // A role no generated professional happened to hold still has someone (allocated to nothing).
  const held = new Set(principals.map((p) => p.role));
  for (const role of roles)
    if (!held.has(role))
      principals.push({
        id: `${role}-duty-1`,
        role,
        agency: 'council',
        streams: [],
        panels: [],
        ...(role === 'school-representative' ? { school: 'Invented Duty School', pupils: [] } : {}),
      });
  return { council: 'Invented Borough Council (demo)', principals };
};
