// `npm test`: build, typecheck, unit tests, package lint, browser tests, size gate. Stops at the first failure.
import { execSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';

const run = (cmd) => {
  console.log(`\n> ${cmd}`);
  execSync(cmd, { stdio: 'inherit' });
};

try {
  ensureChromium();
} catch (error) {
  console.error(`\n${error.message}`);
  process.exit(1);
}

try {
  run('npm run build');
  run('npm run typecheck');
  run('npx vitest run');
  run('npm run lint:package');
  run('npx playwright test');
  run('node scripts/size.mjs');
} catch {
  process.exitCode = 1;
}
