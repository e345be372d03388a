/**
 * The keys a process holds to read encrypted history: loaded in batches, and never usable after
 * their subject's erasure — by this process at once, by another process's erasure at this
 * process's next read, and never cached by a lookup that an erasure overtook.
 */
import { describe, expect, it } from 'vitest';
import { erasedCategory } from '@aimline/kernel';
import {
  encryptingEventStore,
  openKeyVault,
  personalFieldsByModule,
  type MasterKey,
} from '../../src/index.js';
import { fieldAadText } from '../../src/crypto/field-cipher.js';
import {
  alleged,
  collect,
  encryptedMemoryStore,
  handlerOn,
  hsb,
  modules,
  reportConcern,
  victim,
} from './support.js';

type Concern = { child: { name: string }; victim: { name: string } };

/** A master key whose unwrapping of subject keys waits until `release` is called. */
const gated = (master: MasterKey): { master: MasterKey; release: () => void } => {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    master: {
      ...master,
      unwrap: async (wrapped, context) =>
        /^[0-9a-f]{32}$/.test(context)
          ? gate.then(() => master.unwrap(wrapped, context))
          : master.unwrap(wrapped, context),
    },
    release: () => release(),
  };
};

describe('the keys a reading process holds (issue 13 item 4)', () => {
  it('given a long-lived reader holding the victim key, when another process erases the victim, then the next read shows [erased:name]', async () => {
    const { store, vaultPath, master, vault } = await encryptedMemoryStore();
    await handlerOn(store).handle(hsb, reportConcern());
    const read = async () =>
      (await collect(store.readAll())).find((e) => e.type === 'ConcernReported')!.data as Concern;
    expect((await read()).victim.name).toBe(victim.name);

    const other = await openKeyVault(vaultPath, master); // another process's handle on the vault
    other.destroyKey(
      other.subjectRef(victim.childId),
      'subject request SAR-7',
      '2033-01-01T10:00:00Z',
    );
    other.close();

    const after = await read();
    expect(erasedCategory(after.victim.name)).toBe('name');
    expect(after.child.name).toBe(alleged.name);
    expect(vault.knownKey(vault.subjectRef(victim.childId))).toBe('erased');
  });

  it('given a read under way (its batch already opened ahead), when this process erases the victim, then every event handed on after the erasure reads [erased:name] for them', async () => {
    const { store, vault } = await encryptedMemoryStore();
    const handler = handlerOn(store);
    for (let i = 0; i < 4; i++) await handler.handle(hsb, reportConcern(`case-${i}`));
    const reading = store.readAll()[Symbol.asyncIterator]();
    const first = await reading.next();
    if (first.done === true) throw new Error('the read gave no event');
    expect((first.value.data as Concern).victim.name).toBe(victim.name);

    vault.destroyKey(
      vault.subjectRef(victim.childId),
      'subject request SAR-9',
      '2033-01-01T10:00:00Z',
    );

    const rest: Concern[] = [];
    for (let r = await reading.next(); r.done !== true; r = await reading.next())
      rest.push(r.value.data as Concern);
    expect(rest).toHaveLength(3);
    for (const concern of rest) {
      expect(erasedCategory(concern.victim.name)).toBe('name');
      expect(concern.child.name).toBe(alleged.name);
    }
  });

  it('given a key being unwrapped, when its subject is erased meanwhile, then the key is never held (batch and single lookups)', async () => {
    const { store, vaultPath, master } = await encryptedMemoryStore();
    await handlerOn(store).handle(hsb, reportConcern());
    for (const lookup of ['batch', 'single'] as const) {
      const { master: slow, release } = gated(master);
      const vault = await openKeyVault(vaultPath, slow);
      const ref = vault.subjectRef(lookup === 'batch' ? victim.childId : alleged.childId);
      const loading =
        lookup === 'batch'
          ? vault.loadReadingKeys([ref])
          : vault.readingKey(ref).then(() => undefined);
      vault.destroyKey(ref, 'retention rule HSB-R1', '2033-01-01T10:00:00Z');
      release();
      await loading;
      expect(vault.knownKey(ref)).toBe('erased');
      vault.close();
    }
  });

  it('a read of many events (several batches) unwraps each subject key once, and reads what one-stream reads read', async () => {
    const { store, inner, vaultPath, master } = await encryptedMemoryStore();
    const handler = handlerOn(store);
    for (let i = 0; i < 130; i++) {
      const c = reportConcern(`case-${i}`);
      await handler.handle(hsb, {
        ...c,
        command: {
          ...c.command,
          data: { ...c.command.data, child: { ...alleged, childId: `child-${i % 40}` } },
        },
      });
    }
    const subjectUnwraps: string[] = [];
    const vault = await openKeyVault(vaultPath, {
      ...master,
      unwrap: (wrapped, context) => {
        if (/^[0-9a-f]{32}$/.test(context)) subjectUnwraps.push(context);
        return master.unwrap(wrapped, context);
      },
    });
    const reader = encryptingEventStore(inner, vault, personalFieldsByModule(modules));
    const all = await collect(reader.readAll());
    expect(all).toHaveLength(130);
    expect(subjectUnwraps).toHaveLength(new Set(subjectUnwraps).size);
    // 40 children, the victim and the victim's social worker
    expect(new Set(subjectUnwraps).size).toBe(42);
    for (const e of all.filter((_, i) => i % 37 === 0)) {
      const [one] = await collect(store.readStream(e.stream));
      expect(e.data).toEqual(one!.data);
    }
    vault.close();
  });

  it('the additional data is the JSON of [format, event id, stream, path, subject, category], however the strings are spelt', () => {
    for (const s of ['plain', 'quo"te', 'back\\slash', 'ünïcödé', '😀', '\u2028line', '\n\t'])
      expect(fieldAadText({ eventId: s, stream: `hsb-case-${s}`, path: `a.${s}` }, s, 'name')).toBe(
        JSON.stringify(['aimline:enc:1', s, `hsb-case-${s}`, `a.${s}`, s, 'name']),
      );
  });
});
