import { describe, expect, it } from 'vitest';
import { mspdiFixture } from './fixture-path';
import { readMspdi, readMspdiFile, readMspdiString } from './reader';
import { formatMspdiDate } from './values';

const minimal = (body: string): string =>
  `<?xml version="1.0"?>\n<Project xmlns="http://schemas.microsoft.com/project">\n<Tasks>\n<Task>\n${body}\n</Task>\n</Tasks>\n</Project>`;

describe('readMspdi', () => {
  it('reads project properties with their MSPDI types', async () => {
    const project = await readMspdiFile(mspdiFixture('round-trip.xml'));
    const p = project.properties;
    expect(formatMspdiDate(p.StartDate ?? 0)).toBe('2026-01-05T08:00:00');
    expect(p.ScheduleFromStart).toBe(true);
    expect(p.HonorConstraints).toBe(true);
    expect(p.MinutesPerDay).toBe(480);
    expect(p.DefaultStartTime).toBe(480);
    expect(p.Title).toBe('Round trip & friends');
    expect(project.other.map((element) => element.name)).toEqual(['CustomPropertyNobodyKnows']);
  });

  it('reads week days, recurring exceptions, work weeks and 2003-style exception days', async () => {
    const [standard, night] = (await readMspdiFile(mspdiFixture('round-trip.xml'))).calendars;
    expect(standard?.weekDays[1]).toEqual({
      dayType: 2,
      dayWorking: true,
      workingTimes: [
        { from: 480, to: 720 },
        { from: 780, to: 1020 },
      ],
    });
    expect(standard?.exceptions[1]).toMatchObject({
      Type: 5,
      Occurrences: 4,
      MonthItem: 8,
      MonthPosition: 0,
    });
    expect(standard?.workWeeks[0]?.name).toBe('Summer hours');
    expect(night?.BaseCalendarUID).toBe(1);
    expect(night?.weekDays[1]?.dayType).toBe(0);
    expect(formatMspdiDate(night?.weekDays[1]?.timePeriod?.from ?? 0)).toBe('2026-01-13T00:00:00');
  });

  it('reads task inputs, saved results, links, baselines and custom fields', async () => {
    const tasks = (await readMspdiFile(mspdiFixture('round-trip.xml'))).tasks;
    const review = tasks.find((task) => task.UID === 4);
    expect(review?.predecessorLinks).toEqual([
      { PredecessorUID: 3, Type: 1, LinkLag: 0, LagFormat: 7 },
      { PredecessorUID: 2, Type: 3, LinkLag: 50, LagFormat: 19 },
    ]);
    const design = tasks.find((task) => task.UID === 2);
    expect(design).toMatchObject({ Duration: 960, PercentComplete: 50, EffortDriven: true, TotalSlack: 0 });
    expect(design?.baselines[0]).toMatchObject({ Number: 0, Duration: 960, Cost: '1600' });
    expect(design?.extendedAttributes[0]?.children.map((child) => child.text)).toEqual([
      '188743731',
      'Blue team',
    ]);
    const order = tasks.find((task) => task.UID === 5);
    expect(order).toMatchObject({ ConstraintType: 4, DurationFormat: 8, Duration: 2880 });
    expect(formatMspdiDate(order?.Deadline ?? 0)).toBe('2026-01-09T17:00:00');
  });

  it('reads assignments and leaves timephased data out', async () => {
    const [assignment] = (await readMspdiFile(mspdiFixture('round-trip.xml'))).assignments;
    expect(assignment).toMatchObject({ TaskUID: 2, ResourceUID: 1, Units: 1, Work: 960, ActualWork: 480 });
    expect(assignment?.baselines).toHaveLength(1);
    expect(assignment?.other).toEqual([]);
  });

  it('names the element and the line of a value that is not a number', async () => {
    await expect(
      readMspdiString(minimal('<UID>1</UID>\n<ConstraintType>x</ConstraintType>')),
    ).rejects.toThrow('line 6: <ConstraintType> value "x" is not a number');
  });

  it('refuses an unsupported constraint type and link type', async () => {
    await expect(readMspdiString(minimal('<ConstraintType>9</ConstraintType>'))).rejects.toThrow(
      '<ConstraintType> value "9" is not supported',
    );
    const link = '<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>4</Type></PredecessorLink>';
    await expect(readMspdiString(minimal(link))).rejects.toThrow('line 5: <Type> value "4" is not supported');
  });

  it('refuses a malformed date and a malformed duration', async () => {
    await expect(readMspdiString(minimal('<Start>2026-13-01T08:00:00</Start>'))).rejects.toThrow(
      '<Start> value "2026-13-01T08:00:00" is not a date',
    );
    await expect(readMspdiString(minimal('<Duration>8 hours</Duration>'))).rejects.toThrow(
      '<Duration> value "8 hours" is not a duration',
    );
  });

  it('reports malformed XML with its line', async () => {
    const error = await readMspdiString('<Project>\n<Tasks>\n<Task></Tasks>\n</Project>').catch(
      (e: unknown) => e,
    );
    expect(String(error)).toMatch(/^MspdiError: line 3: malformed XML/);
    await expect(readMspdiString('<Project>\n<Tasks>\n<Task><UID>1</UID>\n')).rejects.toThrow(
      'line 4: malformed XML inside <Task>: unclosed tag: Task',
    );
  });

  it('refuses a document whose root is not a Project', async () => {
    await expect(readMspdiString('<Schedule/>')).rejects.toThrow(
      'line 1: the root element is <Schedule>, not <Project>',
    );
  });

  it('reads a document split into chunks at arbitrary bytes, even inside a multi-byte character', async () => {
    const xml = minimal('<UID>1</UID>\n<Name>Café €</Name>');
    const bytes = new TextEncoder().encode(xml);
    async function* chunks(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < bytes.length; i += 3) yield bytes.slice(i, i + 3);
    }
    const project = await readMspdi(chunks());
    expect(project.tasks[0]?.Name).toBe('Café €');
  });

  it('streams a document far larger than any single record', async () => {
    const count = 20_000;
    async function* chunks(): AsyncGenerator<string> {
      yield '<Project><Tasks>';
      for (let uid = 1; uid <= count; uid++) {
        yield `<Task><UID>${uid}</UID><Duration>PT8H0M0S</Duration><TimephasedData><Value>${'x'.repeat(200)}</Value></TimephasedData></Task>`;
      }
      yield '</Tasks></Project>';
    }
    const project = await readMspdi(chunks());
    expect(project.tasks).toHaveLength(count);
    expect(project.tasks.at(-1)).toMatchObject({ UID: count, Duration: 480, other: [] });
  });
});
