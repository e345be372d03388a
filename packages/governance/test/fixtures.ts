/** An invented council directory and invented case data. Every name here is fictional. */
export const CASE = 'C-0001';
export const STREAM = `hsb-case-${CASE}`;

export const directoryFile = {
  council: 'Invented Borough Council',
  principals: [
    {
      id: 'sw-ada',
      role: 'social-worker',
      agency: 'childrens-social-care',
      streams: [STREAM],
      panels: [],
    },
    {
      id: 'sw-ben',
      role: 'social-worker',
      agency: 'childrens-social-care',
      streams: [],
      panels: [],
    },
    {
      id: 'tm-cal',
      role: 'team-manager',
      agency: 'childrens-social-care',
      streams: [],
      panels: [],
    },
    { id: 'bs-dee', role: 'business-support', agency: 'council', streams: [], panels: [] },
    { id: 'chair-eli', role: 'panel-chair', agency: 'council', streams: [], panels: ['aim-panel'] },
    { id: 'pm-fay', role: 'panel-member', agency: 'police', streams: [], panels: ['aim-panel'] },
    {
      id: 'sr-gus',
      role: 'school-representative',
      agency: 'education',
      streams: [STREAM],
      panels: [],
      school: 'Oakfield Academy',
      pupils: ['person-alleged'],
    },
    { id: 'aud-hal', role: 'auditor', agency: 'inspectorate', streams: [], panels: [] },
    { id: 'new-ivy', agency: 'childrens-social-care', streams: [], panels: [] },
  ],
};

export const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const reportConcern = (n: number, caseId = CASE) => ({
  commandId: uuid(n),
  type: 'ReportConcern',
  at: '2026-06-01T09:00:00Z',
  data: {
    caseId,
    disclosedAt: '2026-06-01T08:00:00Z',
    behaviourDate: '2026-05-30',
    child: {
      childId: 'child-a',
      name: 'Alex Testchild',
      dateOfBirth: '2012-03-10',
      school: 'Oakfield Academy',
    },
    victim: {
      childId: 'child-v',
      name: 'Sam Examplechild',
      dateOfBirth: '2013-05-01',
      school: 'Birchwood Primary',
      socialWorker: { id: 'sw-victim', name: 'Robin Fictional' },
    },
    notifications: { childrensSocialCare: '2026-06-01T08:30:00Z', police: '2026-06-01T08:40:00Z' },
    summary: 'Invented summary of a concern.',
  },
});

export const closeCase = (n: number, caseId = CASE) => ({
  commandId: uuid(n),
  type: 'CloseCase',
  at: '2026-06-02T09:00:00Z',
  data: { caseId, reason: 'invented reason' },
});
