/**
 * A faithful, typed image of an MSPDI (Microsoft Project XML) document. Simple children keep their XML element names
 * (`task.ConstraintType`, `project.MinutesPerDay`); repeated or nested children are lists in camelCase. Dates are
 * wall-clock minutes since 1970-01-01T00:00 (no zone, fractions hold seconds), durations are minutes, times of day are
 * minutes after midnight. Timephased data is not kept, MS Project recomputes it from the rest, except for what the
 * rest cannot tell: the zero-work periods of an assignment's remaining work (its task's splits), in `splits`.
 */
import type {
  assignmentFields,
  baselineFields,
  calendarFields,
  exceptionFields,
  FieldsOf,
  predecessorLinkFields,
  projectFields,
  resourceFields,
  taskFields,
} from './fields';

/** An element kept verbatim: its name, text, attributes and children in document order. */
export interface MspdiRawElement {
  name: string;
  text: string;
  attributes?: Record<string, string>;
  children: MspdiRawElement[];
}

/** A child element the field tables do not know, kept verbatim so that it can be written back. */
export interface MspdiExtras {
  /** Unknown children, written back after the known ones. */
  other: MspdiRawElement[];
}

/** One working interval of a day: minutes after midnight (`to` 0 means midnight at the day's end). */
export interface MspdiWorkingTime {
  from: number;
  to: number;
}

/** A date range of a calendar exception or work week: from the first day's start to the last day's end (wall minutes). */
export interface MspdiTimePeriod {
  from: number;
  to: number;
}

/** A `WeekDay` of a calendar; DayType 0 (MS Project 2003 and older) is a dated exception with a `timePeriod`. */
export interface MspdiWeekDay {
  /** 0 = exception day, 1 Sunday … 7 Saturday. */
  dayType: number;
  dayWorking?: boolean;
  timePeriod?: MspdiTimePeriod;
  workingTimes: MspdiWorkingTime[];
}

/** A calendar exception (MS Project 2007 and later), possibly recurring. */
export type MspdiException = FieldsOf<typeof exceptionFields> & {
  timePeriod?: MspdiTimePeriod;
  workingTimes: MspdiWorkingTime[];
};

/** A work week: a week pattern that replaces the calendar's default week in a date range. */
export interface MspdiWorkWeek {
  name?: string;
  timePeriod?: MspdiTimePeriod;
  weekDays: MspdiWeekDay[];
}

/** A calendar: the project's, a resource's or a task's. */
export type MspdiCalendar = FieldsOf<typeof calendarFields> &
  MspdiExtras & {
    weekDays: MspdiWeekDay[];
    exceptions: MspdiException[];
    workWeeks: MspdiWorkWeek[];
  };

/** A dependency on the task that holds it; `LinkLag` is in tenths of a minute, or a percentage when LagFormat is 19/20. */
export type MspdiPredecessorLink = FieldsOf<typeof predecessorLinkFields>;

/** A saved baseline (number 0 = "Baseline", 1–10 = "Baseline1" …). */
export type MspdiBaseline = FieldsOf<typeof baselineFields>;

/** A task with its inputs and MS Project's saved results (slack in tenths of a minute). */
export type MspdiTask = FieldsOf<typeof taskFields> &
  MspdiExtras & {
    predecessorLinks: MspdiPredecessorLink[];
    baselines: MspdiBaseline[];
    /** Custom field values, verbatim. */
    extendedAttributes: MspdiRawElement[];
  };

/** A work, material or cost resource. */
export type MspdiResource = FieldsOf<typeof resourceFields> &
  MspdiExtras & {
    baselines: MspdiBaseline[];
    extendedAttributes: MspdiRawElement[];
  };

/** A period of an assignment's timephased data, from `start` to `finish` (wall minutes). */
export interface MspdiPeriod {
  start: number;
  finish: number;
}

/** A resource assigned to a task. */
export type MspdiAssignment = FieldsOf<typeof assignmentFields> &
  MspdiExtras & {
    baselines: MspdiBaseline[];
    extendedAttributes: MspdiRawElement[];
    /**
     * The splits of the task as this assignment sees them: its remaining-work timephased entries (Type 1) whose value
     * is zero, in document order, contiguous ones merged. Absent when there are none. Days off carry no value at all
     * and are not splits.
     */
    splits?: MspdiPeriod[];
  };

/** The project's own properties (children of `<Project>` with text). */
export type MspdiProperties = FieldsOf<typeof projectFields>;

/** A whole MSPDI document. */
export interface MspdiProject {
  properties: MspdiProperties;
  /** Project-level children with structure that Tandem does not interpret (views, outline codes…), verbatim. */
  sections: MspdiRawElement[];
  /** Custom field definitions (`<ExtendedAttributes>` of the project), verbatim. */
  extendedAttributeDefinitions: MspdiRawElement[];
  calendars: MspdiCalendar[];
  tasks: MspdiTask[];
  resources: MspdiResource[];
  assignments: MspdiAssignment[];
  /** Unknown simple children of `<Project>`, verbatim. */
  other: MspdiRawElement[];
}
