// Every workspace package declares exactly what its files import (run by `pnpm run lint`):
// - an import from src/ needs an entry in `dependencies` (or `peerDependencies`);
// - an import from any other file of the package (tests) needs an entry in the package's
//   `dependencies`/`devDependencies`, or, for a tool every package shares (vitest, fast-check),
//   in the root package.json;
// - every `dependencies` entry is imported by src/, every `devDependencies` entry by some file
//   of the package (an `@types/x` entry counts as used when `x` is);
// - a built package's tsconfig.json references exactly the workspace packages in `dependencies`;
// - the benchmark's peer (Emmett, `@event-driven-io/*`) is in no package.json but bench/peer's
//   own opt-in install: never a dependency of the workspace or of a library.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';

const root = join(import.meta.dirname, '..');
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const rootPackage = readJson(join(root, 'package.json'));
const rootDevDependencies = new Set(Object.keys(rootPackage.devDependencies ?? {}));
const builtins = new Set(builtinModules);

const packageDirs = ['packages', 'examples'].flatMap((group) =>
  readdirSync(join(root, group), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, group, d.name, 'package.json')))
    .map((d) => join(root, group, d.name)),
);
const workspaceNames = new Map(
  packageDirs.map((dir) => [readJson(join(dir, 'package.json')).name, dir]),
);

const sourceFile = /\.(ts|mts|cts|js|mjs|cjs)$/;
const filesUnder = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist') return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return sourceFile.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });

// import … from 'x' and export … from 'x' (statements), import 'x', import('x'), require('x')
const specifiers = [
  /^\s*(?:import|export)\s[^;'"]*?\bfrom\s*(['"])([^'"\n]+)\1/gm,
  /^\s*import\s*(['"])([^'"\n]+)\1/gm,
  /\b(?:import|require)\(\s*(['"])([^'"\n]+)\1\s*\)/g,
];
const packageOf = (specifier) => {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:'))
    return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return builtins.has(name) ? undefined : name;
};
const importsOf = (files) => {
  const used = new Map();
  for (const file of files) {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
    for (const pattern of specifiers)
      for (const m of text.matchAll(pattern)) {
        const name = packageOf(m[2]);
        if (name !== undefined && !used.has(name)) used.set(name, file);
      }
  }
  return used;
};

const problems = [];
for (const dir of packageDirs) {
  const pkg = readJson(join(dir, 'package.json'));
  const where = relative(root, dir);
  const deps = new Set(Object.keys(pkg.dependencies ?? {}));
  const peers = new Set(Object.keys(pkg.peerDependencies ?? {}));
  const devDeps = new Set(Object.keys(pkg.devDependencies ?? {}));
  const files = filesUnder(dir);
  const srcDir = join(dir, 'src') + '/';
  const runtime = importsOf(files.filter((f) => f.startsWith(srcDir)));
  const other = importsOf(files.filter((f) => !f.startsWith(srcDir)));
  const all = new Set([...runtime.keys(), ...other.keys()]);

  for (const [name, file] of runtime)
    if (name !== pkg.name && !deps.has(name) && !peers.has(name))
      problems.push(`${where}: ${relative(root, file)} imports ${name}, missing from dependencies`);
  for (const [name, file] of other) {
    if (name === pkg.name || deps.has(name) || devDeps.has(name) || peers.has(name)) continue;
    if (!workspaceNames.has(name) && rootDevDependencies.has(name)) continue;
    problems.push(
      `${where}: ${relative(root, file)} imports ${name}, missing from dependencies or devDependencies`,
    );
  }
  const usedTypes = (name) => name.startsWith('@types/') && all.has(name.slice('@types/'.length));
  for (const name of deps)
    if (!runtime.has(name) && !usedTypes(name))
      problems.push(
        `${where}: dependency ${name} is not imported by src/${other.has(name) ? ' (only by tests: make it a devDependency)' : ''}`,
      );
  for (const name of devDeps)
    if (!all.has(name) && !usedTypes(name))
      problems.push(`${where}: devDependency ${name} is not imported by any file of the package`);

  // Projects built by `tsc -b` reference what they depend on; the examples type-check from sources.
  const tsconfig = join(dir, 'tsconfig.json');
  if (existsSync(tsconfig) && readJson(tsconfig).compilerOptions?.noEmit !== true) {
    const referenced = new Set(
      (readJson(tsconfig).references ?? []).map((r) => resolve(dir, r.path)),
    );
    const expected = new Set(
      [...deps].filter((d) => workspaceNames.has(d)).map((d) => workspaceNames.get(d)),
    );
    for (const path of expected)
      if (!referenced.has(path))
        problems.push(`${where}: tsconfig.json does not reference ${relative(dir, path)}`);
    for (const path of referenced)
      if (!expected.has(path))
        problems.push(
          `${where}: tsconfig.json references ${relative(dir, path)}, which is not a workspace dependency`,
        );
  }
}

const peerScope = '@event-driven-io/';
for (const dir of [root, ...packageDirs]) {
  const pkg = readJson(join(dir, 'package.json'));
  for (const field of [
    'dependencies',
    'devDependencies',
    'peerDependencies',
    'optionalDependencies',
  ])
    for (const name of Object.keys(pkg[field] ?? {}))
      if (name.startsWith(peerScope))
        problems.push(
          `${relative(root, dir) || 'root'}: ${field} has ${name}, the benchmark's peer (only bench/peer/package.json may)`,
        );
}

if (problems.length > 0) {
  console.error(`package.json dependencies do not match the imports:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `package dependencies: ${packageDirs.length} packages declare exactly what they import`,
);
