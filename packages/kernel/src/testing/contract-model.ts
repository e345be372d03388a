import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { ExpectedRevision } from '../revision.js';
import { isStoreError } from '../store/errors.js';
import type { ContractContext } from './contract-context.js';
import { collect } from '../collect.js';
import { essence, samples, uniquePrefix } from './sample-events.js';
import { StoreModel } from './store-model.js';

/** The model-based property: any sequence of appends behaves like `StoreModel`. */
export const modelContract = ({ withStore, numRuns }: ContractContext): void => {
  it('behaves like the model for any sequence of appends with right and wrong expected revisions (model-based)', async () => {
    const op = fc.record({
      stream: fc.integer({ min: 0, max: 2 }),
      count: fc.integer({ min: 1, max: 3 }),
      expect: fc.oneof(
        fc.constant<'right'>('right'),
        fc.constant<ExpectedRevision>('any'),
        fc.constant<ExpectedRevision>('no-stream'),
        fc.constant<ExpectedRevision>('exists'),
        fc.integer({ min: 0, max: 6 }),
      ),
      retry: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        await withStore(async (store) => {
          const prefix = uniquePrefix('model');
          const model = new StoreModel();
          for (const o of ops) {
            const stream = `${prefix}${o.stream}`;
            const batch = samples(o.count);
            const expected: ExpectedRevision =
              o.expect === 'right' ? (model.revision(stream) ?? 'no-stream') : o.expect;
            const modelResult = model.append(stream, batch, expected);
            let actual: string;
            try {
              const r = await store.append(stream, batch, { expectedRevision: expected });
              actual = 'ok';
              expect(r.nextExpectedRevision).toBe(model.revision(stream));
              if (o.retry) {
                const again = await store.append(stream, batch, { expectedRevision: expected });
                expect(again.nextExpectedRevision).toBe(r.nextExpectedRevision);
              }
            } catch (e) {
              if (!isStoreError(e)) throw e;
              actual = e.kind;
            }
            expect(actual).toBe(modelResult);
            expect(await store.streamRevision(stream)).toBe(model.revision(stream));
          }
          for (const [stream, events] of model.streams)
            expect((await collect(store.readStream(stream))).map(essence)).toEqual(
              events.map((e, revision) => ({
                id: e.id,
                stream,
                revision,
                type: e.type,
                data: e.data,
              })),
            );
          const all = await collect(store.readAll({ filter: { streamPrefixes: [prefix] } }));
          expect(all.map((e) => [e.stream, e.id])).toEqual(
            model.log.map((l) => [l.stream, l.event.id]),
          );
        });
      }),
      { numRuns },
    );
  });
};
