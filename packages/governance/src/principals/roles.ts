import * as t from 'io-ts';

/**
 * Every role the council sources name, as the directory spells it. Each comes with the source
 * that names it; a council adds a role by a release (roles are the vocabulary the policies are
 * written in), but who holds which role is data (the directory).
 */
export const ROLES = {
  /** Children's social care: lead professional, AIM co-assessor (001, 002, 000). */
  'social-worker': '001: Children Social Care take the role of lead agency; co-work assessors',
  /** Line manager of the assessors: allocates, supervises, agrees safety plans (000). */
  'team-manager':
    '000: allocation within 5 working days; joint supervision with line managers; safety plans agreed by managers',
  /** Meeting and panel administration: bookings, invitations, minutes, destruction of copies (000, 003). */
  'business-support':
    '000: business support process for AIM meetings; 003: business support - NELC',
  /** Chairs AIM meetings and reviews where the child is looked after (000, 001). */
  'independent-reviewing-officer':
    '000: report to IRO 24 hours before the initial AIM meeting; 001: chaired by an Independent Reviewing Officer',
  /** Chair (and co-chair) of the AIM information exchange pathway panel (003). */
  'panel-chair': '003: Specialist Locality Lead - Chair; advanced practitioner - co-chair',
  /** A standing member of the panel for an agency, or a deputy (003). */
  'panel-member': '003: membership (YOS, early help, psychology, police, nurse, education …)',
  /** A school's representative at its own pupil's strategy discussion (001). */
  'school-representative':
    '001: school representatives should only attend the meeting involving the pupil at their school',
  /** Youth offending / youth justice service: co-assessor, lead agency on the criminal route (001, 000). */
  'youth-justice-officer':
    '001: Youth Offending takes the role of lead agency; 000: allocation at both YJS & CSC',
  /** The police: strategy discussion, investigation, disposal (001). */
  police: '001: Children Social Care and the Police need to be informed; the police/CPS decide',
  /** Health: safeguarding nurse, CAMHS, clinical psychology (001, 003). */
  health: '001: other agencies such as Health; 003: specialist safeguarding children’s nurse',
  /** The school's member of staff responsible for attendance, who runs the attendance AIM (004). */
  'attendance-lead': '004: the member of staff responsible for attendance; the school sets the AIM',
  /** The authority's inclusion officer / lead officer for legal intervention in attendance (004). */
  'attendance-officer':
    '004: the Inclusion Officer contacts the Lead Officer for Legal Intervention in Education (Attendance)',
  /** An auditor or inspector (LSCB, Ofsted): reads everything, changes nothing (003 governance). */
  auditor: '003: the LSCB reviews that safeguarding processes are robust and effective',
  /** The council's records manager / data protection officer: retention, erasure, subject access. */
  'records-manager': 'UK GDPR Art. 37-39 (data protection officer); 001: file destruction policies',
} as const;

export type Role = keyof typeof ROLES;
export const Role = t.keyof(ROLES, 'Role');
export const roles: ReadonlyArray<Role> = Object.keys(ROLES) as Role[];
