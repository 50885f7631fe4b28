/**
 * Runs electronegativity's scanner (its `runner`, the same code its CLI calls) and prints the
 * findings as JSON on stdout. The CLI's own CSV output cannot be trusted: it writes the header and
 * the rows with two concurrent `fs.writeFile` calls, so on a busy machine the header's truncating
 * write can land last and the file holds no findings at all (seen in CI).
 *
 * Usage: node --import <electronegativity-offline.mjs> electronegativity-scan.mjs <dir> <electron version> <excluded check> <output.json>
 * (a file, written at once, because the scanner itself prints to stdout).
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The package is CommonJS; its main export is the runner. */
const run = createRequire(import.meta.url)('@doyensec/electronegativity');

const [input, electronVersion, exclude, output] = process.argv.slice(2);
run(
  { input, isRelative: true, excludeFromScan: exclude ? [exclude.toLowerCase()] : [], electronVersionOverride: electronVersion, parserPlugins: [] },
  false,
).then(
  (result) => {
    const findings = result.issues.map((issue) => ({
      id: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file,
      location: `${issue.location.line}:${issue.location.column}`,
      sample: issue.sample ?? '',
      description: issue.description,
    }));
    writeFileSync(output, JSON.stringify({ findings, errors: result.errors.filter((e) => !e.tolerable) }));
  },
  (error) => {
    process.stderr.write(String(error && error.stack ? error.stack : error));
    process.exit(1);
  },
);
