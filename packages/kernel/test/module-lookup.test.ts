import { describe, expect, it } from 'vitest';
import { moduleLookup } from '../src/index.js';

describe('moduleLookup: the module that owns a stream', () => {
  const panel = { name: 'panel', streamPrefix: 'panel-' };
  const referral = { name: 'panel-referral', streamPrefix: 'panel-referral-' };
  const meeting = { name: 'meeting', streamPrefix: 'meeting-' };

  it('given prefixes that nest, the longest prefix the stream starts with wins, whatever the order', () => {
    for (const modules of [
      [panel, referral, meeting],
      [referral, panel, meeting],
    ]) {
      const moduleOf = moduleLookup(modules);
      expect(moduleOf('panel-referral-r-1')).toBe(referral);
      expect(moduleOf('panel-s-1')).toBe(panel);
      expect(moduleOf('meeting-m-1')).toBe(meeting);
    }
  });

  it('a stream no module owns has no module', () => {
    const moduleOf = moduleLookup([panel, meeting]);
    expect(moduleOf('hsb-case-c-1')).toBeUndefined();
    expect(moduleOf('panel')).toBeUndefined();
  });

  it('does not reorder the modules it is given', () => {
    const modules = [panel, referral];
    moduleLookup(modules);
    expect(modules).toEqual([panel, referral]);
  });
});
