/** Invented content of the panel's history: concerns, contacts, actions, reasons, ages, ratings. */
import type { BehaviourType, Gender, Rating } from '@aimline/panel';

export const CONCERNS: Readonly<Record<BehaviourType, ReadonlyArray<string>>> = {
  contact: [
    'A younger pupil told a teaching assistant about unwanted touching in the toilets (synthetic).',
    'A foster carer saw the child touching a younger child in a sexual way at bedtime (synthetic).',
    'Staff at an after-school club saw the child pressuring a younger child into a sexual game (synthetic).',
  ],
  'non-contact': [
    'The child exposed himself to younger children in the park on two occasions (synthetic).',
    'Repeated sexualised language and gestures towards classmates despite warnings (synthetic).',
  ],
  'online-technology-assisted': [
    'A parent found explicit images the child had asked a classmate to send through a messaging app (synthetic).',
    'The child shared a sexual image of another pupil in a year-group chat (synthetic).',
    'Sexualised messages sent to a younger child on a gaming platform (synthetic).',
  ],
  other: [
    'Sexualised drawings and talk at school not expected for the child’s age (synthetic).',
    'A sibling’s disclosure of sexualised behaviour at home, details unclear (synthetic).',
  ],
};

export const CONTACTS = [
  'Two previous contacts about behaviour at school; no police involvement (synthetic).',
  'Known to the service as a sibling in an earlier child in need plan (synthetic).',
  'One previous police report, no further action; no open case (synthetic).',
  'Attended the school nursing drop-in twice this term; no safeguarding concerns recorded (synthetic).',
  'No previous contacts or involvement found in this agency’s records (synthetic).',
  'Open to early help for school attendance; family engaging (synthetic).',
] as const;

export const ACTIONS = [
  'Share the school’s behaviour log and safety plan with the allocated worker.',
  'Complete a home visit with the family and agree supervision at home.',
  'Offer the parents the online safety session and check devices are supervised.',
  'Check police systems for any further intelligence and report back.',
  'Arrange a consultation with the clinical psychologist for the allocated worker.',
  'Review the child’s education plan and supervision arrangements at school.',
  'Refer the family to early help for parenting support.',
] as const;

export const UPDATES_PARTIAL = [
  'Started; first meeting held, report to follow (synthetic).',
  'In progress: waiting for the family to confirm a date (synthetic).',
] as const;

export const UPDATES_DONE = [
  'Done; summary shared with the panel members (synthetic).',
  'Completed and recorded on the child’s file (synthetic).',
  'Done; no further concerns identified (synthetic).',
] as const;

export const VENUES = [
  'Meadowbank Children’s Centre, Larkspur Avenue',
  'Civic Offices, Committee Room 2',
  'Kestrel Hill Family Hub, Mossbridge Road',
] as const;

export const VENUE_REASONS = [
  'The usual room is booked for a training day; the panel meets elsewhere this month.',
  'Building works at the usual venue; the room is not available this month.',
] as const;

export const MOVE_REASONS = [
  'The chair and co-chair are required at a joint inspection on the usual date.',
  'The usual date clashes with the partnership’s annual safeguarding conference.',
] as const;

export const CANCEL_REASONS = [
  'The venue is closed for emergency repairs and no other room could be found at short notice.',
  'A severe weather warning closed the venue; members could not travel safely.',
] as const;

export const EMERGENCIES = [
  'called to an urgent child protection strategy meeting',
  'covering a critical incident in the service',
  'sudden illness on the day',
  'attending an urgent court hearing',
] as const;

export const ABSENT_REASONS = [
  'The referrer was on leave; the report was presented by the chair from the papers.',
  'The referrer was called to an urgent visit; written information was provided.',
] as const;

export const ESCALATE = [
  'Escalated: new online contact with a younger child reported by the school.',
  'Escalated: the safety plan broke down at home and supervision could not be kept.',
  'Escalated: further police intelligence about behaviour in the community.',
] as const;

export const DEESCALATE = [
  'De-escalated: the child is engaging with the intervention and the safety plan is holding.',
  'De-escalated: no further incidents for three months; supervision working at home and school.',
  'De-escalated: the assessment found lower risk than first thought.',
] as const;

export const UNCHANGED = [
  'No change: the intervention is under way; review again in 12 weeks.',
  'No change: assessment still in progress; the safety plan stays in place.',
] as const;

export const RATIONALE: Readonly<Record<Rating, string>> = {
  green: 'Behaviour within the range expected for the child’s age and development, with context.',
  amber: 'Problematic behaviour outside healthy development; needs assessment and a plan.',
  red: 'Harmful behaviour with coercion or a significant age gap; needs specialist intervention.',
};

export const ROUTES_FOR: Readonly<Record<Rating, ReadonlyArray<string>>> = {
  green: ['advice-and-signposting', 'early-help', 'community-intervention'],
  amber: ['community-intervention', 'aim-assessment', 'early-help'],
  red: ['aim-assessment', 'treatment-programme'],
};

export const AGES = [
  5, 6, 7, 8, 9, 9, 10, 11, 12, 12, 13, 13, 13, 14, 14, 14, 15, 15, 15, 16, 16, 17, 18,
];

export const GENDERS: ReadonlyArray<Gender> = [
  'male',
  'male',
  'male',
  'male',
  'male',
  'male',
  'female',
  'female',
  'female',
  'other',
  'not-recorded',
];

export const BEHAVIOURS: ReadonlyArray<BehaviourType> = [
  'contact',
  'contact',
  'contact',
  'online-technology-assisted',
  'online-technology-assisted',
  'online-technology-assisted',
  'non-contact',
  'non-contact',
  'other',
];

export const RATINGS: ReadonlyArray<Rating> = [
  'amber',
  'red',
  'green',
  'amber',
  'green',
  'red',
  'amber',
  'green',
];
