// `npm run lint:package`: packs the built package (as `npm publish` would, without rebuilding) and checks the tarball:
// publint, arethetypeswrong (ESM-only profile), and every source map: one per script, each source inside the
// package with its content embedded, and our own sources shipped. Offline; run after `npm run build`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';

const BIN = resolve('node_modules/.bin');
const problems = [];
const run = (cmd, args, options = {}) => execFileSync(cmd, args, { encoding: 'utf8', ...options });

const work = mkdtempSync(join(tmpdir(), 'datacue-pack-'));
try {
  if (!existsSync('dist/datacue.js')) throw new Error('dist/ is missing: run npm run build first');
  const [{ filename }] = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { stdio: ['ignore', 'pipe', 'ignore'] }));
  const tarball = join(work, filename);
  run('tar', ['-xzf', tarball, '-C', work]);
  const root = join(work, 'package');

  // publint reads the tarball itself; --strict makes its warnings count.
  try {
    run(join(BIN, 'publint'), ['run', tarball, '--strict'], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    problems.push(`publint:\n${e.stdout}${e.stderr}`);
  }
  // The CSS file is a stylesheet, not a module: TypeScript has nothing to resolve there.
  try {
    run(join(BIN, 'attw'), [tarball, '--profile', 'esm-only', '--exclude-entrypoints', './datacue-storefront.css', '--format', 'ascii'], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    problems.push(`arethetypeswrong:\n${e.stdout}${e.stderr}`);
  }

  const files = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
  const scripts = files(join(root, 'dist')).filter((f) => f.endsWith('.js'));
  for (const script of scripts) {
    const name = relative(root, script);
    const mapFile = `${script}.map`;
    // The script-tag builds ship their maps beside them without the comment (bytes every shopper would download);
    // the npm ESM files carry it, for the app's bundler.
    const esm = name.startsWith(join('dist', 'esm'));
    if (esm && !readFileSync(script, 'utf8').trimEnd().endsWith(`//# sourceMappingURL=${mapFile.split(sep).pop()}`)) problems.push(`${name}: no sourceMappingURL comment`);
    if (!existsSync(mapFile)) {
      problems.push(`${name}: no source map`);
      continue;
    }
    const map = JSON.parse(readFileSync(mapFile, 'utf8'));
    map.sources.forEach((source, i) => {
      const at = resolve(dirname(mapFile), source);
      if (!at.startsWith(root + sep)) problems.push(`${name}.map: source ${source} lies outside the package`);
      else if (/^(src|widgets)\//.test(relative(root, at)) && !existsSync(at)) problems.push(`${name}.map: source ${source} is not in the package`);
      if (typeof map.sourcesContent?.[i] !== 'string') problems.push(`${name}.map: source ${source} has no content`);
    });
  }
  if (!scripts.length) problems.push('the package holds no scripts');
  console.log(`lint:package: ${filename}: publint, arethetypeswrong (esm-only), ${scripts.length} scripts with their source maps`);
} catch (e) {
  problems.push(e.message);
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (problems.length) {
  console.error(problems.map((p) => `lint:package: ${p}`).join('\n'));
  process.exitCode = 1;
} else {
  console.log('lint:package: nothing to report');
}
