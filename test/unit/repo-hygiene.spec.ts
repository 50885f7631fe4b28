import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The repository explains itself: a comment gives its reason rather than pointing at a ticket or a
 * document a reader of the repository does not have, the design lives in docs/ARCHITECTURE.md, and
 * the README stays short enough to read (the rest of what it once held lives in docs/).
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Build output, dependencies and local data: not the project's own text. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules', 'out', 'dist', 'coverage', '.central-data', '.vite']);

function projectFiles(dir = ROOT): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) files.push(...projectFiles(join(dir, entry.name)));
    } else if (entry.isFile()) {
      files.push(relative(ROOT, join(dir, entry.name)).split('\\').join('/'));
    }
  }
  return files;
}

/** The file's text, or null for binaries (fonts, images, PDFs in fixtures). */
function textOf(file: string): string | null {
  const path = join(ROOT, file);
  if (statSync(path).size > 5 * 1024 * 1024) return null;
  const bytes = readFileSync(path);
  if (bytes.includes(0)) return null;
  return bytes.toString('utf8');
}

interface Hit {
  file: string;
  line: number;
  text: string;
}

function find(pattern: RegExp, files: readonly string[]): Hit[] {
  const hits: Hit[] = [];
  for (const file of files) {
    const content = textOf(file);
    if (content === null) continue;
    content.split('\n').forEach((text, index) => {
      if (pattern.test(text)) hits.push({ file, line: index + 1, text: text.trim().slice(0, 160) });
    });
  }
  return hits;
}

const files = projectFiles();
const outsideTests = files.filter((file) => !file.startsWith('test/'));

/** "issue 7", "Issue #8", "issues 6": a ticket number instead of the reason. */
const ISSUE_NUMBER = /\bissues? #?\d+/iu;
/**
 * The team's briefs (design, style, dependency notes) are not part of the repository; spelled in parts
 * so this file does not match itself.
 */
const OUTSIDE_DESIGN_DOC = new RegExp(['\\b(DESIGN', '|STYLE', '|DEPENDENCIES)', '\\.md'].join(''), 'u');

describe('repository hygiene', () => {
  it('sees the project files (the walk is not empty)', () => {
    expect(outsideTests).toContain('main/app/dispatcher.ts');
    expect(files).toContain('test/unit/repo-hygiene.spec.ts');
  });

  it('no file outside test/ names an issue number: comments and docs say the reason itself', () => {
    expect(find(ISSUE_NUMBER, outsideTests)).toEqual([]);
  });

  it('no file cites a brief that is not in the repository', () => {
    expect(find(OUTSIDE_DESIGN_DOC, files)).toEqual([]);
  });

  it('the design document exists and the README stays under 200 lines', () => {
    expect(existsSync(join(ROOT, 'docs/ARCHITECTURE.md'))).toBe(true);
    const readmeLines = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\n$/u, '').split('\n').length;
    expect(readmeLines).toBeLessThan(200);
  });

  it('every relative link in the README and docs/ points at a file that exists', () => {
    const broken: string[] = [];
    for (const file of files.filter((f) => f === 'README.md' || f.startsWith('docs/') || /(^|\/)README\.md$/u.test(f))) {
      if (file.startsWith('test/')) continue;
      const content = readFileSync(join(ROOT, file), 'utf8');
      for (const match of content.matchAll(/\]\(([^)\s#]+)(#[^)]*)?\)/gu)) {
        const target = match[1] ?? '';
        if (/^[a-z]+:/iu.test(target)) continue;
        if (!existsSync(resolve(dirname(join(ROOT, file)), target))) broken.push(`${file} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
