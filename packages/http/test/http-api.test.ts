/**
 * The HTTP API over real HTTP: each typed result of Aimline is an HTTP status with a problem
 * that names the field or the rule; the principal comes from a verified JWT and the council
 * directory, never from the body; limits hold; no stack trace or personal data leaves.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectoryUnavailable } from '@aimline/aimline';
import { InMemoryEventStore } from '@aimline/kernel';
import { socialWorker, startApi, type TestApi } from './support/api.js';

const child = {
  childId: 'child-w1',
  name: 'Riley Inventedname',
  dateOfBirth: '2017-02-14',
  school: 'Maple Lane Primary',
};
const reportConcern = (caseId: string, commandId = randomUUID()) => ({
  commandId,
  at: '2026-06-01T09:00:00Z',
  data: {
    caseId,
    disclosedAt: '2026-06-01T08:00:00Z',
    behaviourDate: '2026-05-30',
    child,
    notifications: { childrensSocialCare: '2026-06-01T08:20:00Z', police: '2026-06-01T08:30:00Z' },
    summary: 'Invented summary of a concern.',
  },
});
const participants = [
  { id: 'pc-7', name: 'Officer Sky Notreal', role: 'investigating officer', agency: 'police' },
  { id: 'sw-7', name: 'Morgan Madeup', role: 'social worker', agency: 'childrens-social-care' },
];
const REPORT = '/v1/hsb/commands/ReportConcern';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

describe('commands', () => {
  it('201 Accepted: the events with their facts; the actor is the principal of the token', async () => {
    const answer = await api.call('POST', REPORT, reportConcern('case-1'));
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({
      stream: 'hsb-case-case-1',
      alreadyHandled: false,
      events: [
        {
          type: 'ConcernReported',
          stream: 'hsb-case-case-1',
          occurredAt: '2026-06-01T09:00:00Z',
          actor: { id: socialWorker.id, role: socialWorker.role, agency: socialWorker.agency },
        },
      ],
    });
  });

  it('200 already handled: the same command id and body again appends nothing', async () => {
    const command = reportConcern('case-2');
    expect((await api.call('POST', REPORT, command)).status).toBe(201);
    const again = await api.call('POST', REPORT, command);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ alreadyHandled: true });
  });

  it('400 Invalid: every problem names its field path; an actor or type in the body is refused', async () => {
    const command = reportConcern('case-3');
    const extra = await api.call('POST', REPORT, {
      ...command,
      data: { ...command.data, child: { ...child, nickname: 'Ri' } },
    });
    expect(extra.status).toBe(400);
    expect(extra.contentType).toMatch(/^application\/problem\+json/);
    expect(extra.json).toMatchObject({
      type: 'urn:aimline:problem:invalid',
      problems: [{ path: 'data.child.nickname', message: 'unknown field' }],
    });
    const actor = await api.call('POST', REPORT, { ...command, actor: socialWorker });
    expect(actor.json).toMatchObject({ problems: [{ path: 'actor' }] });
    const type = await api.call('POST', REPORT, { ...command, type: 'CloseCase' });
    expect(type.json).toMatchObject({ problems: [{ path: 'type' }] });
    const date = await api.call('POST', REPORT, { ...command, at: '2026-02-30T09:00:00Z' });
    expect(date.json).toMatchObject({ problems: [{ path: 'at' }] });
  });

  it('409 HSB-6: a rule refusal carries its rule id and field, and appends nothing', async () => {
    await api.call('POST', REPORT, reportConcern('case-4'));
    await api.call('POST', '/v1/hsb/commands/HoldStrategyDiscussion', {
      commandId: randomUUID(),
      at: '2026-06-01T15:00:00Z',
      data: { caseId: 'case-4', discussionId: 'sd-1', forChild: 'alleged-child', participants },
    });
    const before = await api.store.streamRevision('hsb-case-case-4');
    const refused = await api.call('POST', '/v1/hsb/commands/DecideRoute', {
      commandId: randomUUID(),
      at: '2026-06-01T16:00:00Z',
      data: { caseId: 'case-4', route: 'criminal-justice', temporaryRiskStrategy: 'Invented.' },
    });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ type: 'urn:aimline:problem:rejected', ruleId: 'HSB-6' });
    expect(await api.store.streamRevision('hsb-case-case-4')).toBe(before);
  });

  it('409 idempotency conflict: a command id reused with another body', async () => {
    const command = reportConcern('case-5');
    await api.call('POST', REPORT, command);
    const reused = await api.call('POST', REPORT, {
      ...command,
      data: { ...command.data, summary: 'Another invented summary.' },
    });
    expect(reused.status).toBe(409);
    expect(reused.json).toMatchObject({
      type: 'urn:aimline:problem:idempotency-conflict',
      stream: 'hsb-case-case-5',
      retryable: false,
    });
  });
});

describe('principals', () => {
  it('401 without a token, with a token of another issuer or a tampered one', async () => {
    const none = await fetch(`${api.url}/v1/hsb/cases/case-1`);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ detail: 'no Authorization header' });
    const token = await api.token(socialWorker.id);
    const tampered = `${token.slice(0, -4)}AAAA`;
    const answer = await fetch(`${api.url}/v1/hsb/cases/case-1`, {
      headers: { authorization: `Bearer ${tampered}` },
    });
    expect(answer.status).toBe(401);
  });

  it('401 comes before the body is read: an unauthenticated oversized body is not parsed', async () => {
    const answer = await fetch(`${api.url}${REPORT}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"x":"${'y'.repeat(100 * 1024)}"}`,
    });
    expect(answer.status).toBe(401);
  });

  it('403 for a verified subject the council directory does not hold', async () => {
    const answer = await api.call('POST', REPORT, reportConcern('case-6'), 'stranger-1');
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ detail: 'stranger-1 is not in the council directory' });
    expect(await api.store.streamRevision('hsb-case-case-6')).toBeUndefined();
  });

  it("403 Forbidden when the council's command policy refuses the principal, appending nothing", async () => {
    const auditor = { ...socialWorker, id: 'aud-1', role: 'auditor' as const, streams: [] };
    api.know(auditor);
    const answer = await api.call('POST', REPORT, reportConcern('case-7'), auditor.id);
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ type: 'urn:aimline:problem:forbidden' });
    expect(String(answer.json['detail'])).toContain('aud-1');
    expect(await api.store.streamRevision('hsb-case-case-7')).toBeUndefined();
  });
});

describe('reads', () => {
  it("200: a case's state and deadlines as of an instant; its events in order", async () => {
    await api.call('POST', REPORT, reportConcern('case-8'));
    const view = await api.call('GET', '/v1/hsb/cases/case-8?asOf=2026-06-03T12:00:00Z');
    expect(view.status).toBe(200);
    expect(view.json).toMatchObject({ id: 'case-8', stream: 'hsb-case-case-8' });
    expect((view.json['deadlines'] as unknown[]).length).toBeGreaterThan(0);
    const events = await api.call('GET', '/v1/hsb/cases/case-8/events');
    expect(events.status).toBe(200);
    expect(JSON.parse(events.text)).toMatchObject([{ type: 'ConcernReported' }]);
  });

  it("200: every case of a process (limit), and a case's timeline by phase", async () => {
    const list = await api.call('GET', '/v1/hsb/cases?limit=2');
    expect(list.status).toBe(200);
    expect((JSON.parse(list.text) as unknown[]).length).toBe(2);
    const timeline = await api.call('GET', '/v1/hsb/cases/case-8/timeline');
    expect(timeline.status).toBe(200);
    expect(timeline.json).toMatchObject({ stream: 'hsb-case-case-8' });
    const limit = await api.call('GET', '/v1/hsb/cases?limit=0');
    expect([limit.status, limit.json['problems']]).toMatchObject([400, [{ path: 'limit' }]]);
  });

  it('need to know (issue 13): a principal reads only what their rules show — a case they are not allocated to is 404 and absent from the list; withheld fields read [withheld:<category>]; each read of a case is in the access log', async () => {
    await api.call('POST', REPORT, reportConcern('case-11'));
    const outsider = { ...socialWorker, id: 'sw-outside', streams: [] };
    const rep = {
      ...socialWorker,
      id: 'sr-11',
      role: 'school-representative' as const,
      agency: 'education',
      streams: ['hsb-case-case-11'],
      school: 'Invented School',
      pupils: ['nobody-here'],
    };
    api.know(outsider, rep);
    const before = api.aimline.accessLog.entries().length;
    expect((await api.call('GET', '/v1/hsb/cases/case-11', undefined, outsider.id)).status).toBe(
      404,
    );
    const listed = await api.call('GET', '/v1/hsb/cases', undefined, outsider.id);
    expect(JSON.parse(listed.text)).toEqual([]);
    expect(api.aimline.accessLog.entries()).toHaveLength(before);
    const events = await api.call('GET', '/v1/hsb/cases/case-11/events', undefined, rep.id);
    expect(events.status).toBe(200);
    const [concern] = JSON.parse(events.text) as Array<{ data: Record<string, unknown> }>;
    expect(concern!.data['summary']).toBe('[withheld:freeText]');
    expect((concern!.data['child'] as Record<string, unknown>)['name']).toBe('[withheld:name]');
    await api.call('GET', '/v1/hsb/cases/case-11/events');
    // The representative's read showed none of the child's personal data, but the case: it is
    // recorded, with no category.
    expect(api.aimline.accessLog.entries().slice(before)).toMatchObject([
      {
        principal: rep.id,
        streams: ['hsb-case-case-11'],
        purpose: 'hsb-case events',
        categories: [],
      },
      { principal: socialWorker.id, streams: ['hsb-case-case-11'], purpose: 'hsb-case events' },
    ]);
  });

  it('404 for a stream with no events; 400 naming asOf, an unknown parameter or a bad id', async () => {
    expect((await api.call('GET', '/v1/hsb/cases/nobody')).status).toBe(404);
    const asOf = await api.call('GET', '/v1/hsb/cases/case-8?asOf=tomorrow');
    expect([asOf.status, asOf.json['problems']]).toMatchObject([400, [{ path: 'asOf' }]]);
    // An impossible date is refused saying what an instant must be, on every read route.
    for (const read of ['', '/events', '/timeline']) {
      const feb30 = await api.call('GET', `/v1/hsb/cases/case-8${read}?asOf=2026-02-30T00:00:00Z`);
      expect([feb30.status, feb30.json['problems']]).toEqual([
        400,
        [
          {
            path: 'asOf',
            message:
              'expected an ISO-8601 instant that exists, with an offset, e.g. 2026-12-24T10:00:00Z; asOf is judge as of this instant (default: now); only events recorded by then count',
          },
        ],
      ]);
    }
    const limit = await api.call('GET', '/v1/hsb/cases?limit=0');
    expect([limit.status, limit.json['problems']]).toMatchObject([400, [{ path: 'limit' }]]);
    expect((limit.json['problems'] as Array<{ message: string }>)[0]!.message).not.toMatch(
      /^expected at most/,
    );
    // A count is plain digits: a leading zero (read as 7 before), an exponent or hex is refused.
    for (const written of ['007', '1e2', '0x10']) {
      const odd = await api.call('GET', `/v1/hsb/cases?limit=${written}`);
      expect([odd.status, odd.json['problems']], written).toMatchObject([400, [{ path: 'limit' }]]);
    }
    const stray = await api.call('GET', '/v1/hsb/cases/case-8?as_of=2026-06-03');
    expect([stray.status, stray.json['problems']]).toMatchObject([400, [{ path: 'as_of' }]]);
    const id = await api.call('GET', '/v1/hsb/cases/..%2Fpanel-sitting-2026-06');
    expect([id.status, id.json['problems']]).toMatchObject([400, [{ path: 'id' }]]);
  });
});

describe('limits and failures', () => {
  it('413 for a body over the limit; 400 for JSON nested too deep, not JSON, or a prototype key', async () => {
    const big = reportConcern('case-9');
    const large = await api.call('POST', REPORT, {
      ...big,
      data: { ...big.data, summary: 'x'.repeat(70 * 1024) },
    });
    expect([large.status, large.json['type']]).toEqual([413, 'urn:aimline:problem:too-large']);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 40; i++) deep = { d: deep };
    const nested = await api.call('POST', REPORT, { ...big, data: deep });
    expect([nested.status, nested.json['detail']]).toEqual([
      400,
      'the body nests deeper than 32 levels',
    ]);
    const token = await api.token(socialWorker.id);
    const send = (body: string, type = 'application/json') =>
      fetch(`${api.url}${REPORT}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        body,
      });
    expect((await send('{"commandId": ')).status).toBe(400);
    expect((await send('{"__proto__": {"x": 1}}')).status).toBe(400);
    // A deep value hidden by a later member of the same name (JSON.parse keeps the last) is as
    // deep: it was a 500 when the check recursed over it (Maximum call stack size exceeded).
    const hidden = await send(`{"data":${'['.repeat(20000)}${']'.repeat(20000)},"data":{}}`);
    expect([hidden.status, ((await hidden.json()) as { detail?: unknown }).detail]).toEqual([
      400,
      'the body nests deeper than 32 levels',
    ]);
    expect((await send('commandId=1', 'application/x-www-form-urlencoded')).status).toBe(415);
  });

  it('400 naming the member for a body that says a member twice (JSON.parse would keep the last), a __proto__ member or a number out of range; nothing appended', async () => {
    const token = await api.token(socialWorker.id);
    const send = (body: string) =>
      fetch(`${api.url}${REPORT}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      }).then(async (r) => [r.status, ((await r.json()) as { problems?: unknown }).problems]);
    const command = reportConcern('case-10');
    const twice = JSON.stringify(command).replace(
      '"caseId":"case-10"',
      '"caseId":"case-10","caseId":"case-13"',
    );
    expect(await send(twice)).toEqual([
      400,
      [{ path: 'data.caseId', message: 'given more than once' }],
    ]);
    expect(await send('{"commandId":"a","data":{"child":{"__proto__":{}}}}')).toEqual([
      400,
      [
        {
          path: 'data.child.__proto__',
          message: 'a prototype key (a name every object inherits): refused',
        },
      ],
    ]);
    expect(await send('{"commandId":"a","data":{"n":[1,1e309]}}')).toEqual([
      400,
      [{ path: 'data.n.1', message: 'a number too large to read exactly' }],
    ]);
    expect(await api.store.streamRevision('hsb-case-case-10')).toBeUndefined();
    expect(await api.store.streamRevision('hsb-case-case-13')).toBeUndefined();
  });

  it('415 for a body that is not JSON in UTF-8 (text/plain, no content type, another charset); a leading byte order mark is allowed', async () => {
    const token = await api.token(socialWorker.id);
    const send = (body: string, type?: string) =>
      fetch(`${api.url}${REPORT}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          ...(type === undefined ? {} : { 'content-type': type }),
        },
        body,
      }).then(async (r) => [r.status, ((await r.json()) as { type?: unknown }).type]);
    const unsupported = [415, 'urn:aimline:problem:unsupported-media-type'];
    const body = JSON.stringify(reportConcern('case-12'));
    expect(await send(body, 'text/plain')).toEqual(unsupported);
    expect(await send(body)).toEqual(unsupported);
    expect(await send(body, 'application/json; charset=iso-8859-1')).toEqual(unsupported);
    expect(await api.store.streamRevision('hsb-case-case-12')).toBeUndefined();
    expect(await send(`\uFEFF${body}`, 'application/json; charset=utf-8')).toEqual([
      201,
      undefined,
    ]);
  });

  it('the router refuses as problems too: a path that is no URL (400), an id far too long (400 naming id), no such route or method (404 not-found); none echoes the path', async () => {
    const token = await api.token(socialWorker.id);
    const get = (path: string, method = 'GET') =>
      fetch(`${api.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } }).then(
        async (r) => ({
          status: r.status,
          type: r.headers.get('content-type')?.split(';')[0],
          text: await r.text(),
        }),
      );
    const badEscape = await get('/v1/hsb/cases/case-%zz-secret');
    expect([badEscape.status, badEscape.type]).toEqual([400, 'application/problem+json']);
    expect(badEscape.text).not.toContain('secret');
    const long = await get(`/v1/hsb/cases/${'k'.repeat(300)}`);
    expect([long.status, long.type]).toEqual([400, 'application/problem+json']);
    expect(JSON.parse(long.text)).toMatchObject({ problems: [{ path: 'id' }] });
    expect(long.text).not.toContain('kkkk');
    for (const [path, method] of [
      ['/v1/hsb/cases/case-1', 'DELETE'],
      ['/v1/hsb/commands/NoSuchCommand', 'POST'],
      ['/v1/hsb/cases/%2e%2e/events', 'GET'],
    ] as const) {
      const none = await get(path, method);
      expect([none.status, JSON.parse(none.text)]).toMatchObject([
        404,
        { type: 'urn:aimline:problem:not-found', title: 'Not found' },
      ]);
    }
  });

  it('503 when the store cannot be used, as a problem that says it may be retried', async () => {
    const store = new InMemoryEventStore();
    const down = await startApi({ store });
    try {
      await store.dispose();
      const write = await down.call('POST', REPORT, reportConcern('case-10'));
      expect([write.status, write.json['retryable']]).toEqual([503, true]);
      expect((await down.call('GET', '/v1/hsb/cases/case-10')).status).toBe(503);
    } finally {
      await down.close();
    }
  });

  it('500 for an unexpected error: an incident id, not its message; the log names only its class', async () => {
    let broken = false;
    const inner = new InMemoryEventStore();
    const store = new Proxy(inner, {
      get: (target, prop, receiver) => {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (!broken || typeof value !== 'function') return value;
        return () => {
          throw new TypeError(`${child.name} broke the store`);
        };
      },
    });
    const fragile = await startApi({ store });
    try {
      broken = true;
      const answer = await fragile.call('GET', '/v1/hsb/cases/case-11');
      expect(answer.status).toBe(500);
      expect(answer.text).not.toContain(child.name);
      expect(answer.json).toMatchObject({ type: 'urn:aimline:problem:internal' });
      expect(fragile.logs.at(-1)).toMatchObject({ status: 500, error: 'TypeError' });
      expect(JSON.stringify(fragile.logs)).not.toContain(child.name);
    } finally {
      broken = false;
      await fragile.close();
    }
  });

  it('503 while the council directory in force cannot be read: a clear problem, nothing appended, the log names the fields at fault', async () => {
    const fault =
      'principals.json is not a valid directory; fields at fault: principals.1.role, reads';
    const store = new InMemoryEventStore();
    const unreadable = await startApi({
      store,
      aimline: {
        principals: () => {
          throw new DirectoryUnavailable(fault);
        },
      },
    });
    try {
      const write = await unreadable.call('POST', REPORT, reportConcern('case-12'));
      const read = await unreadable.call('GET', '/v1/hsb/cases/case-12');
      for (const answer of [write, read]) {
        expect(answer.status).toBe(503);
        expect(answer.json).toMatchObject({
          type: 'urn:aimline:problem:directory-unavailable',
          title: 'Council directory unavailable',
          retryable: true,
        });
        expect(answer.json['detail']).toMatch(
          /^the council directory in force cannot be read, so no request can be authorised; nothing was done\. The operator's log says what to mend \(incident [0-9a-f-]{36}\)$/,
        );
        expect(answer.text).not.toContain('principals.1.role');
      }
      expect(unreadable.logs.slice(-2)).toMatchObject([
        { status: 503, error: 'DirectoryUnavailable', fault },
        { status: 503, error: 'DirectoryUnavailable', fault },
      ]);
      expect(await store.streamRevision('hsb-case-case-12')).toBeUndefined();
    } finally {
      await unreadable.close();
    }
  });

  it('no answer carries a stack trace, and no log line carries personal data or a body', async () => {
    const logged = JSON.stringify(api.logs);
    expect(api.logs.length).toBeGreaterThan(10);
    expect(logged).not.toContain(child.name);
    expect(logged).not.toContain('case-8');
    expect(api.logs.map((l) => l.route)).toContain('/v1/hsb/cases/:id');
    const answer = await api.call('GET', '/v1/nowhere');
    expect(answer.status).toBe(404);
    expect(answer.text).not.toMatch(/\bat .*:\d+:\d+|node_modules|\.ts\b/);
  });
});
