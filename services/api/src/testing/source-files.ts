import fs from 'node:fs';
import path from 'node:path';

/** services/api/src */
export const SRC = path.resolve(__dirname, '..');
export const REPO = path.resolve(SRC, '..', '..', '..');

/** Every TypeScript file under `dir`, as paths relative to the repository (posix separators). */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path.relative(REPO, full).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export const read = (file: string) => fs.readFileSync(path.join(REPO, file), 'utf8');

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The module specifiers a file imports (static, dynamic and require). */
export function importsOf(source: string): string[] {
  const specs: string[] = [];
  for (const m of source.matchAll(IMPORT)) specs.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  return specs;
}

/** Where a relative specifier of `file` points, relative to the repository (no extension resolution). */
export function resolveRelative(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  return path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
}
