import {
  assignmentFields,
  baselineFields,
  calendarFields,
  exceptionFields,
  type FieldKind,
  type FieldTable,
  predecessorLinkFields,
  projectFields,
  resourceFields,
  taskFields,
} from './fields';
import type {
  MspdiBaseline,
  MspdiCalendar,
  MspdiProject,
  MspdiRawElement,
  MspdiTimePeriod,
  MspdiWeekDay,
  MspdiWorkingTime,
} from './model';
import { formatMspdiDate, formatMspdiDuration, formatMspdiTime } from './values';

const NAMESPACE = 'http://schemas.microsoft.com/project';

/**
 * Writes a project as an MSPDI document that Microsoft Project opens: elements in the schema's order, dates as
 * floating wall-clock times, durations as `PTnHnMnS`, booleans as 0/1. Of the timephased data only the splits are
 * written, one zero-work entry per split.
 *
 * @example
 * await writeFile('plan.xml', writeMspdi(await readMspdiFile('plan.xml')));
 */
export function writeMspdi(project: MspdiProject): string {
  const out = new XmlOut();
  out.line(0, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>');
  out.line(0, `<Project xmlns="${NAMESPACE}">`);
  writeFields(out, 1, projectFields, project.properties);
  for (const element of project.other) writeRaw(out, 1, element);
  for (const element of project.sections) writeRaw(out, 1, element);
  if (project.extendedAttributeDefinitions.length > 0) {
    out.line(1, '<ExtendedAttributes>');
    for (const element of project.extendedAttributeDefinitions) writeRaw(out, 2, element);
    out.line(1, '</ExtendedAttributes>');
  }
  out.line(1, '<Calendars>');
  for (const calendar of project.calendars) writeCalendar(out, 2, calendar);
  out.line(1, '</Calendars>');
  out.line(1, '<Tasks>');
  for (const task of project.tasks) {
    out.line(2, '<Task>');
    writeFields(out, 3, taskFields, task, 'EarnedValueMethod', () => {
      for (const link of task.predecessorLinks) {
        out.line(3, '<PredecessorLink>');
        writeFields(out, 4, predecessorLinkFields, link);
        out.line(3, '</PredecessorLink>');
      }
    });
    for (const element of task.extendedAttributes) writeRaw(out, 3, element);
    writeBaselines(out, 3, task.baselines);
    for (const element of task.other) writeRaw(out, 3, element);
    out.line(2, '</Task>');
  }
  out.line(1, '</Tasks>');
  out.line(1, '<Resources>');
  for (const resource of project.resources) {
    out.line(2, '<Resource>');
    writeFields(out, 3, resourceFields, resource);
    for (const element of resource.other) writeRaw(out, 3, element);
    for (const element of resource.extendedAttributes) writeRaw(out, 3, element);
    writeBaselines(out, 3, resource.baselines);
    out.line(2, '</Resource>');
  }
  out.line(1, '</Resources>');
  out.line(1, '<Assignments>');
  for (const assignment of project.assignments) {
    out.line(2, '<Assignment>');
    writeFields(out, 3, assignmentFields, assignment);
    for (const element of assignment.extendedAttributes) writeRaw(out, 3, element);
    writeBaselines(out, 3, assignment.baselines);
    for (const element of assignment.other) writeRaw(out, 3, element);
    // Only the splits are written back: MS Project recomputes the rest of the timephased data from the fields.
    for (const split of assignment.splits ?? []) {
      out.line(3, '<TimephasedData>');
      out.line(4, '<Type>1</Type>');
      if (assignment.UID !== undefined) out.line(4, `<UID>${assignment.UID}</UID>`);
      out.line(4, `<Start>${formatMspdiDate(split.start)}</Start>`);
      out.line(4, `<Finish>${formatMspdiDate(split.finish)}</Finish>`);
      out.line(4, '<Unit>2</Unit>');
      out.line(4, '<Value>PT0H0M0S</Value>');
      out.line(3, '</TimephasedData>');
    }
    out.line(2, '</Assignment>');
  }
  out.line(1, '</Assignments>');
  out.line(0, '</Project>');
  return out.toString();
}

class XmlOut {
  private readonly parts: string[] = [];
  line(depth: number, text: string): void {
    this.parts.push('\t'.repeat(depth), text, '\n');
  }
  toString(): string {
    return this.parts.join('');
  }
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');
}

function formatValue(kind: FieldKind, value: unknown): string {
  switch (kind) {
    case 'string':
      return escapeXml(String(value));
    case 'int':
    case 'number':
      return String(value);
    case 'boolean':
      return value ? '1' : '0';
    case 'date':
      return formatMspdiDate(value as number);
    case 'duration':
      return formatMspdiDuration(value as number);
    case 'time':
      return formatMspdiTime(value as number);
  }
}

/** Writes the set fields of `record` in table order; `afterField`'s callback runs right after that field's position. */
function writeFields(
  out: XmlOut,
  depth: number,
  table: FieldTable,
  record: object,
  afterField?: string,
  after?: () => void,
): void {
  const values = record as Record<string, unknown>;
  for (const [name, kind] of Object.entries(table)) {
    const value = values[name];
    if (value !== undefined) out.line(depth, `<${name}>${formatValue(kind, value)}</${name}>`);
    if (name === afterField) after?.();
  }
}

function writeBaselines(out: XmlOut, depth: number, baselines: readonly MspdiBaseline[]): void {
  for (const baseline of baselines) {
    out.line(depth, '<Baseline>');
    writeFields(out, depth + 1, baselineFields, baseline);
    out.line(depth, '</Baseline>');
  }
}

function writeRaw(out: XmlOut, depth: number, element: MspdiRawElement): void {
  const attributes = Object.entries(element.attributes ?? {})
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  if (element.children.length === 0) {
    out.line(
      depth,
      element.text === ''
        ? `<${element.name}${attributes}/>`
        : `<${element.name}${attributes}>${escapeXml(element.text)}</${element.name}>`,
    );
    return;
  }
  out.line(depth, `<${element.name}${attributes}>`);
  for (const child of element.children) writeRaw(out, depth + 1, child);
  out.line(depth, `</${element.name}>`);
}

function writeCalendar(out: XmlOut, depth: number, calendar: MspdiCalendar): void {
  out.line(depth, '<Calendar>');
  writeFields(out, depth + 1, calendarFields, calendar);
  if (calendar.weekDays.length > 0) writeWeekDays(out, depth + 1, calendar.weekDays);
  if (calendar.exceptions.length > 0) {
    out.line(depth + 1, '<Exceptions>');
    for (const exception of calendar.exceptions) {
      out.line(depth + 2, '<Exception>');
      const fields = exception as Record<string, unknown>;
      for (const [name, kind] of Object.entries(exceptionFields)) {
        // The schema puts TimePeriod between EnteredByOccurrences and Occurrences.
        if (name === 'Occurrences' && exception.timePeriod)
          writeTimePeriod(out, depth + 3, exception.timePeriod);
        const value = fields[name];
        if (value !== undefined) out.line(depth + 3, `<${name}>${formatValue(kind, value)}</${name}>`);
      }
      writeWorkingTimes(out, depth + 3, exception.workingTimes);
      out.line(depth + 2, '</Exception>');
    }
    out.line(depth + 1, '</Exceptions>');
  }
  if (calendar.workWeeks.length > 0) {
    out.line(depth + 1, '<WorkWeeks>');
    for (const week of calendar.workWeeks) {
      out.line(depth + 2, '<WorkWeek>');
      if (week.timePeriod) writeTimePeriod(out, depth + 3, week.timePeriod);
      if (week.name !== undefined) out.line(depth + 3, `<Name>${escapeXml(week.name)}</Name>`);
      if (week.weekDays.length > 0) writeWeekDays(out, depth + 3, week.weekDays);
      out.line(depth + 2, '</WorkWeek>');
    }
    out.line(depth + 1, '</WorkWeeks>');
  }
  for (const element of calendar.other) writeRaw(out, depth + 1, element);
  out.line(depth, '</Calendar>');
}

function writeWeekDays(out: XmlOut, depth: number, days: readonly MspdiWeekDay[]): void {
  out.line(depth, '<WeekDays>');
  for (const day of days) {
    out.line(depth + 1, '<WeekDay>');
    out.line(depth + 2, `<DayType>${day.dayType}</DayType>`);
    if (day.dayWorking !== undefined)
      out.line(depth + 2, `<DayWorking>${day.dayWorking ? 1 : 0}</DayWorking>`);
    if (day.timePeriod) writeTimePeriod(out, depth + 2, day.timePeriod);
    writeWorkingTimes(out, depth + 2, day.workingTimes);
    out.line(depth + 1, '</WeekDay>');
  }
  out.line(depth, '</WeekDays>');
}

function writeTimePeriod(out: XmlOut, depth: number, period: MspdiTimePeriod): void {
  out.line(depth, '<TimePeriod>');
  out.line(depth + 1, `<FromDate>${formatMspdiDate(period.from)}</FromDate>`);
  out.line(depth + 1, `<ToDate>${formatMspdiDate(period.to)}</ToDate>`);
  out.line(depth, '</TimePeriod>');
}

function writeWorkingTimes(out: XmlOut, depth: number, times: readonly MspdiWorkingTime[]): void {
  if (times.length === 0) return;
  out.line(depth, '<WorkingTimes>');
  for (const time of times) {
    out.line(depth + 1, '<WorkingTime>');
    out.line(depth + 2, `<FromTime>${formatMspdiTime(time.from)}</FromTime>`);
    out.line(depth + 2, `<ToTime>${formatMspdiTime(time.to)}</ToTime>`);
    out.line(depth + 1, '</WorkingTime>');
  }
  out.line(depth, '</WorkingTimes>');
}
