import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parseStoreUrl } from '../src/store-url.js';

describe('store URLs', () => {
  it('accepts the embedded default, memory, EventStoreDB single node, cluster and Unix socket forms', () => {
    expect(parseStoreUrl('sqlite:./.aimline/events.db')).toEqual(
      E.right({ kind: 'sqlite', path: './.aimline/events.db' }),
    );
    expect(parseStoreUrl('sqlite:///var/lib/aimline/events.db')).toEqual(
      E.right({ kind: 'sqlite', path: '/var/lib/aimline/events.db' }),
    );
    expect(parseStoreUrl('memory:')).toEqual(E.right({ kind: 'memory' }));
    expect(parseStoreUrl('esdb://localhost:2113?tls=false')).toEqual(
      E.right({ kind: 'eventstoredb', url: 'esdb://localhost:2113?tls=false' }),
    );
    expect(
      E.isRight(parseStoreUrl('esdb+discover://a:2113,b:2113,c:2113?nodePreference=leader')),
    ).toBe(true);
    expect(E.isRight(parseStoreUrl('unix:///tmp/k/kurrent.sock'))).toBe(true);
  });

  it('refuses anything else with an error that lists the accepted forms', () => {
    for (const bad of ['postgres://x', 'sqlite:', 'esdb://', './events.db', '']) {
      const r = parseStoreUrl(bad);
      expect(E.isLeft(r)).toBe(true);
      if (E.isLeft(r)) {
        expect(r.left.kind).toBe('InvalidStoreUrl');
        expect(r.left.message).toContain('Accepted forms');
        expect(r.left.message).toContain('sqlite:./path/events.db');
      }
    }
  });
});
