/**
 * Calendar figures: calls per second of addWork, subtractWork, workBetween and nextWorkStart on the standard calendar
 * with 20 holidays, over 1M seeded random calls each, plus the cost of compiling. Prints figures only.
 * Run: npx tsx bench/calendar.bench.ts
 */
import {
  type CalendarException,
  compileCalendar,
  type Instant,
  instantFromCivil,
  parseDay,
  standardCalendar,
  type WorkMinutes,
  wallMinutes,
  workMinutes,
} from '@tandem/core';
import { seededRandom } from './seeded-random';

const CALLS = 1_000_000;

const holidays: CalendarException[] = [
  '2026-01-01',
  '2026-01-19',
  '2026-02-16',
  '2026-04-03',
  '2026-05-25',
  '2026-07-03',
  '2026-09-07',
  '2026-10-12',
  '2026-11-11',
  '2026-11-26',
  '2026-11-27',
  '2026-12-24',
  '2026-12-25',
  '2026-12-31',
  '2027-01-01',
  '2027-01-18',
  '2027-02-15',
  '2027-05-31',
  '2027-07-05',
  '2027-09-06',
].map((day) => ({ name: day, fromDay: parseDay(day), toDay: parseDay(day), intervals: [] }));
const calendar = { ...standardCalendar, exceptions: holidays };

const random = seededRandom(42);
const origin = instantFromCivil(2026, 1, 1);
const starts = new Float64Array(CALLS);
const works = new Float64Array(CALLS);
for (let i = 0; i < CALLS; i++) {
  // Starts spread over two years; work mostly days to weeks, sometimes months, like a plan's tasks and lags.
  starts[i] = origin + Math.floor(random() * 730 * 1440);
  works[i] = Math.floor(random() < 0.9 ? random() * 20 * 480 : random() * 250 * 480);
}

/**
 * Runs 1M calls five times and prints the best round by wall clock and by this process's CPU time (the machine is
 * shared, so CPU time is the steadier figure).
 */
function measure(name: string, run: (i: number) => number): void {
  let sink = 0;
  for (let i = 0; i < 50_000; i++) sink += run(i);
  let wall = Number.POSITIVE_INFINITY;
  let cpu = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round++) {
    const started = performance.now();
    const usage = process.cpuUsage();
    for (let i = 0; i < CALLS; i++) sink += run(i);
    const used = process.cpuUsage(usage);
    wall = Math.min(wall, performance.now() - started);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  const rate = (ms: number) => ((CALLS / ms) * 1000) / 1e6;
  console.log(
    `${name.padEnd(14)} ${rate(wall).toFixed(2)} M calls/s wall, ${rate(cpu).toFixed(2)} M calls/s CPU ` +
      `(best of 5 rounds of ${CALLS} calls: ${wall.toFixed(0)} ms wall, ${cpu.toFixed(0)} ms CPU; checksum ${sink % 997})`,
  );
}

const compileStarted = performance.now();
const time = compileCalendar([calendar], calendar.id);
time.addWork(origin, workMinutes(1));
console.log(`compile + first call ${(performance.now() - compileStarted).toFixed(2)} ms`);

const at = (i: number): Instant => wallMinutes(starts[i] as number);
const work = (i: number): WorkMinutes => workMinutes(works[i] as number);
measure('addWork', (i) => time.addWork(at(i), work(i)));
measure('subtractWork', (i) => time.subtractWork(at(i), work(i)));
measure('workBetween', (i) => time.workBetween(at(i), wallMinutes(at(i) + (works[i] as number) * 3)));
measure('nextWorkStart', (i) => time.nextWorkStart(at(i)));
measure('addWork years', (i) => time.addWork(at(i), workMinutes((works[i] as number) * 40)));
