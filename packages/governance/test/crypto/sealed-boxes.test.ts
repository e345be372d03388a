/**
 * Sealed format 2 read strictly (issue 13 item 4, "every alteration is detected and located"):
 * stored sealed data that is not what the writer stores makes its event unreadable data, naming
 * what is wrong, and never yields a value or plaintext in its place.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { delegatingStore, type RecordedEvent } from '@aimline/kernel';
import {
  encryptingEventStore,
  openKeyVault,
  personalFieldsByModule,
  SEALED_MEMBER,
} from '../../src/index.js';
import {
  alleged,
  collect,
  encryptedMemoryStore,
  handlerOn,
  hsb,
  modules,
  reportConcern,
} from './support.js';

type Data = Record<string, unknown>;

/** The concern's stored data changed by `alter`, read by a new process (all categories, or `personalData`). */
const readAltered = async (alter: (data: Data) => void, personalData?: ['dateOfBirth']) => {
  const { inner, vaultPath, master, store } = await encryptedMemoryStore();
  expect(E.isRight(await handlerOn(store).handle(hsb, reportConcern()))).toBe(true);
  const altering = delegatingStore(inner, {
    readAll: async function* (o) {
      for await (const e of inner.readAll(o)) {
        const data = structuredClone(e.data) as Data;
        alter(data);
        const altered: RecordedEvent = { ...e, data };
        yield altered;
      }
    },
  });
  const vault = await openKeyVault(vaultPath, master, 'open');
  const reader = encryptingEventStore(altering, vault, personalFieldsByModule(modules));
  const [event] = await collect(reader.readAll(personalData ? { personalData } : undefined));
  return event!;
};

const damage = (event: RecordedEvent): string => {
  const decoded = hsb.events.decode(event);
  return E.isLeft(decoded) ? decoded.left.message : 'decoded';
};

const boxes = (data: Data) => data[SEALED_MEMBER] as string[];

describe('sealed format 2 is read strictly (issue 13 item 4)', () => {
  it('given the sealed boxes are not a list of box strings, the event is unreadable data', async () => {
    expect(damage(await readAltered((d) => (d[SEALED_MEMBER] = 'not boxes')))).toContain(
      `${SEALED_MEMBER} is not a list of sealed boxes`,
    );
    expect(
      damage(await readAltered((d) => (d[SEALED_MEMBER] = [...boxes(d), { box: 1 }]))),
    ).toContain('is not <ref>:<category>:<payload>:<paths>');
  });

  it('given a box names an unknown category or no subject reference, the event is unreadable data', async () => {
    expect(
      damage(
        await readAltered((d) => {
          d[SEALED_MEMBER] = boxes(d).map((b, i) =>
            i === 0 ? b.replace(':name:', ':nickname:') : b,
          );
        }),
      ),
    ).toContain('does not name a personal-data category');
    expect(
      damage(await readAltered((d) => (d[SEALED_MEMBER] = boxes(d).map((b) => `xyz${b}`)))),
    ).toContain('does not name a subject reference');
  });

  it('given a field opened by the read holds a value instead of its withheld marker, the event is unreadable data naming the field', async () => {
    const event = await readAltered(
      (d) => {
        (d['child'] as Data)['dateOfBirth'] = '2099-01-01';
      },
      ['dateOfBirth'],
    );
    expect(damage(event)).toContain(
      'personal field child.dateOfBirth does not hold the [withheld:dateOfBirth] its sealed box stands for',
    );
  });

  it('given a damaged box of a category a read does not open, that read leaves its fields withheld without cutting the box; a read that opens the category finds the damage', async () => {
    const cutPayload = (d: Data) =>
      (d[SEALED_MEMBER] = boxes(d).map((b) => b.replace(/:name:[^:]*:/, ':name:abc:')));
    const datesOnly = await readAltered(cutPayload, ['dateOfBirth']);
    expect(damage(datesOnly)).toBe('decoded');
    expect((datesOnly.data as Data)['child']).toMatchObject({ name: '[withheld:name]' });
    expect(damage(await readAltered(cutPayload))).toContain('has no payload');
  });

  it('given a box whose paths were changed to another field of the same category, it does not decrypt', async () => {
    const event = await readAltered((d) => {
      d[SEALED_MEMBER] = boxes(d).map((b) =>
        b.endsWith('[["child","name"]]')
          ? b.replace('[["child","name"]]', '[["victim","name"]]')
          : b,
      );
    });
    expect(damage(event)).toContain('does not decrypt');
  });

  it('an unaltered event reads as recorded, without the sealed member', async () => {
    const event = await readAltered(() => undefined);
    expect((event.data as Data)['child']).toEqual(alleged);
    expect(SEALED_MEMBER in (event.data as Data)).toBe(false);
  });
});
