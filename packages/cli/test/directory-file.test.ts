/**
 * The council directory (`--principals FILE`) is policy data: parsed strictly, once, like every
 * policy file. JSON.parse alone keeps the last of two members of one name, so a second `role`
 * would silently decide what a principal may do.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DirectoryFileError, loadDirectory } from '../src/principals.js';
import { testDirectory } from './principals.js';

const fileWith = (text: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'aimline-directory-file-')), 'principals.json');
  writeFileSync(file, text);
  return file;
};

describe('the council directory file is parsed strictly', () => {
  it('given a principal whose role is given twice, when the directory is loaded, then it is refused naming the member, never quoting a value', () => {
    const json = JSON.stringify(testDirectory);
    const first = testDirectory.principals[0]!;
    const twice = json.replace(`"role":"${first.role}"`, `"role":"${first.role}","role":"auditor"`);
    expect(twice).not.toBe(json);
    const load = () => loadDirectory(fileWith(twice));
    expect(load).toThrow(DirectoryFileError);
    expect(load).toThrow('principals.0.role: given more than once');
  });

  it('given a member named __proto__, then it is refused naming it', () => {
    const json = JSON.stringify(testDirectory).replace('{', '{"__proto__":{"council":"x"},');
    expect(() => loadDirectory(fileWith(json))).toThrow('__proto__');
  });

  it('given the directory as written, then it loads', () => {
    expect(loadDirectory(fileWith(JSON.stringify(testDirectory))).entries.size).toBe(
      testDirectory.principals.length,
    );
  });
});
