/**
 * npm run doctor
 * Checks the setup (settings, database, platforms, times, backups) and prints one line per
 * finding; exits 1 when something stops the bot from running.
 */
import { line } from '../src/doctor/finding';
import { runDoctor } from '../src/doctor';

runDoctor(process.env, new Date()).then(
  (findings) => {
    for (const f of findings) process.stdout.write(`${line(f)}\n`);
    process.exit(findings.some((f) => f.level === 'fail') ? 1 : 0);
  },
  (err: Error) => {
    process.stdout.write(`✗ doctor: ${err.message}\n`);
    process.exit(1);
  },
);
