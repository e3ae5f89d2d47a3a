import { createReadStream } from 'node:fs';
import { MspdiError } from './errors';
import {
  assignmentFields,
  baselineFields,
  calendarFields,
  exceptionFields,
  predecessorLinkFields,
  projectFields,
  resourceFields,
  taskFields,
} from './fields';
import type {
  MspdiAssignment,
  MspdiBaseline,
  MspdiCalendar,
  MspdiException,
  MspdiPeriod,
  MspdiPredecessorLink,
  MspdiProject,
  MspdiResource,
  MspdiTask,
  MspdiTimePeriod,
  MspdiWeekDay,
  MspdiWorkingTime,
  MspdiWorkWeek,
} from './model';
import { parseValue, rawElement, readFields } from './parse-fields';
import { streamXmlRecords, type XmlNode } from './xml-stream';

const CONTAINERS = new Set(['Calendars', 'Tasks', 'Resources', 'Assignments']);

/**
 * Reads an MSPDI document from a stream of text or bytes (UTF-8) without ever holding the whole document as a tree.
 *
 * @example
 * const project = await readMspdi(createReadStream('plan.xml'));
 */
export async function readMspdi(
  source: AsyncIterable<string | Uint8Array> | Iterable<string>,
): Promise<MspdiProject> {
  const project: MspdiProject = {
    properties: {},
    sections: [],
    extendedAttributeDefinitions: [],
    calendars: [],
    tasks: [],
    resources: [],
    assignments: [],
    other: [],
  };
  let sawRoot = false;
  // Splits of the assignment being read, gathered entry by entry as its timephased data streams past.
  let splits: MspdiPeriod[] = [];
  await streamXmlRecords(source, {
    root(name, line) {
      if (name !== 'Project') throw new MspdiError(`the root element is <${name}>, not <Project>`, line);
      sawRoot = true;
    },
    isContainer(path) {
      return path.length === 1 || (path.length === 2 && CONTAINERS.has(path[1] as string));
    },
    record(path, node) {
      if (path.length === 1) readProjectChild(project, node);
      else if (node.name === 'Calendar') project.calendars.push(readCalendar(node));
      else if (node.name === 'Task') project.tasks.push(readTask(node));
      else if (node.name === 'Resource') project.resources.push(readResource(node));
      else if (node.name === 'Assignment') {
        const assignment = readAssignment(node);
        if (splits.length > 0) assignment.splits = splits;
        project.assignments.push(assignment);
      } else throw new MspdiError(`<${node.name}> is not expected inside <${path[1]}>`, node.line);
      splits = [];
    },
    detached(path, node) {
      if (path.length === 3 && path[2] === 'Assignment') addSplit(splits, node);
    },
  });
  if (!sawRoot) throw new MspdiError('the document has no <Project> element');
  return project;
}

/** Reads an MSPDI file from disk as a stream. */
export function readMspdiFile(path: string): Promise<MspdiProject> {
  return readMspdi(createReadStream(path));
}

/** Reads an MSPDI document held in a string. */
export function readMspdiString(xml: string): Promise<MspdiProject> {
  return readMspdi([xml]);
}

function readProjectChild(project: MspdiProject, node: XmlNode): void {
  if (node.name === 'ExtendedAttributes') {
    project.extendedAttributeDefinitions.push(...node.children.map(rawElement));
    return;
  }
  if (node.children.length > 0) {
    project.sections.push(rawElement(node));
    return;
  }
  const wrapper: XmlNode = { ...node, children: [node] };
  readFields(wrapper, projectFields, 'project', project.properties, (child) => {
    // An empty container (<Views/>) and an unknown property are both kept as they were.
    if (child.text.trim() === '' && !(child.name in projectFields)) project.sections.push(rawElement(child));
    else project.other.push(rawElement(child));
  });
}

function readTask(node: XmlNode): MspdiTask {
  const task: MspdiTask = { predecessorLinks: [], baselines: [], extendedAttributes: [], other: [] };
  readFields(node, taskFields, 'task', task, (child) => {
    if (child.name === 'PredecessorLink') task.predecessorLinks.push(readLink(child));
    else if (child.name === 'Baseline') task.baselines.push(readBaseline(child));
    else if (child.name === 'ExtendedAttribute') task.extendedAttributes.push(rawElement(child));
    else task.other.push(rawElement(child));
  });
  return task;
}

function readLink(node: XmlNode): MspdiPredecessorLink {
  const link: MspdiPredecessorLink = {};
  readFields(node, predecessorLinkFields, 'link', link, (child) => unexpected(child, node));
  if (link.PredecessorUID === undefined)
    throw new MspdiError('<PredecessorLink> has no <PredecessorUID>', node.line);
  return link;
}

function readBaseline(node: XmlNode): MspdiBaseline {
  const baseline: MspdiBaseline = {};
  readFields(node, baselineFields, 'baseline', baseline, () => {});
  return baseline;
}

function readResource(node: XmlNode): MspdiResource {
  const resource: MspdiResource = { baselines: [], extendedAttributes: [], other: [] };
  readFields(node, resourceFields, 'resource', resource, (child) => {
    if (child.name === 'Baseline') resource.baselines.push(readBaseline(child));
    else if (child.name === 'ExtendedAttribute') resource.extendedAttributes.push(rawElement(child));
    else resource.other.push(rawElement(child));
  });
  return resource;
}

function readAssignment(node: XmlNode): MspdiAssignment {
  const assignment: MspdiAssignment = { baselines: [], extendedAttributes: [], other: [] };
  readFields(node, assignmentFields, 'assignment', assignment, (child) => {
    if (child.name === 'Baseline') assignment.baselines.push(readBaseline(child));
    else if (child.name === 'ExtendedAttribute') assignment.extendedAttributes.push(rawElement(child));
    else assignment.other.push(rawElement(child));
  });
  return assignment;
}

/**
 * Adds a timephased entry to `splits` when it is remaining work (Type 1) of zero value, merged with the previous split
 * when they touch. Every other entry is dropped: MS Project recomputes it from the task and assignment fields.
 */
function addSplit(splits: MspdiPeriod[], node: XmlNode): void {
  const field = (name: string): XmlNode | undefined => node.children.find((child) => child.name === name);
  const type = field('Type');
  const value = field('Value');
  if (type?.text.trim() !== '1' || value === undefined || value.text.trim() === '') return;
  if (parseValue(value, 'duration') !== 0) return;
  const startNode = field('Start');
  const finishNode = field('Finish');
  if (!startNode || !finishNode)
    throw new MspdiError('<TimephasedData> needs <Start> and <Finish>', node.line);
  const start = parseValue(startNode, 'date');
  const finish = parseValue(finishNode, 'date');
  if (finish < start) throw new MspdiError('<TimephasedData> finishes before it starts', node.line);
  const last = splits.at(-1);
  if (last !== undefined && last.finish === start) last.finish = finish;
  else splits.push({ start, finish });
}

function readCalendar(node: XmlNode): MspdiCalendar {
  const calendar: MspdiCalendar = { weekDays: [], exceptions: [], workWeeks: [], other: [] };
  readFields(node, calendarFields, 'calendar', calendar, (child) => {
    if (child.name === 'WeekDays') calendar.weekDays.push(...children(child, 'WeekDay').map(readWeekDay));
    else if (child.name === 'Exceptions')
      calendar.exceptions.push(...children(child, 'Exception').map(readException));
    else if (child.name === 'WorkWeeks')
      calendar.workWeeks.push(...children(child, 'WorkWeek').map(readWorkWeek));
    else calendar.other.push(rawElement(child));
  });
  return calendar;
}

function readWeekDay(node: XmlNode): MspdiWeekDay {
  let dayType: number | undefined;
  const day: Omit<MspdiWeekDay, 'dayType'> = { workingTimes: [] };
  for (const child of node.children) {
    if (child.name === 'DayType') dayType = parseValue(child, 'int');
    else if (child.name === 'DayWorking') day.dayWorking = parseValue(child, 'boolean');
    else if (child.name === 'TimePeriod') day.timePeriod = readTimePeriod(child);
    else if (child.name === 'WorkingTimes') day.workingTimes = readWorkingTimes(child);
    else unexpected(child, node);
  }
  if (dayType === undefined || dayType < 0 || dayType > 7) {
    throw new MspdiError(`<WeekDay> needs a <DayType> from 0 to 7, got ${dayType ?? 'none'}`, node.line);
  }
  return { dayType, ...day };
}

function readException(node: XmlNode): MspdiException {
  const exception: MspdiException = { workingTimes: [] };
  readFields(node, exceptionFields, 'exception', exception, (child) => {
    if (child.name === 'TimePeriod') exception.timePeriod = readTimePeriod(child);
    else if (child.name === 'WorkingTimes') exception.workingTimes = readWorkingTimes(child);
    else unexpected(child, node);
  });
  return exception;
}

function readWorkWeek(node: XmlNode): MspdiWorkWeek {
  const week: MspdiWorkWeek = { weekDays: [] };
  for (const child of node.children) {
    if (child.name === 'Name') week.name = child.text;
    else if (child.name === 'TimePeriod') week.timePeriod = readTimePeriod(child);
    else if (child.name === 'WeekDays') week.weekDays = children(child, 'WeekDay').map(readWeekDay);
    else unexpected(child, node);
  }
  return week;
}

function readTimePeriod(node: XmlNode): MspdiTimePeriod {
  const from = node.children.find((child) => child.name === 'FromDate');
  const to = node.children.find((child) => child.name === 'ToDate');
  if (!from || !to) throw new MspdiError('<TimePeriod> needs <FromDate> and <ToDate>', node.line);
  return { from: parseValue(from, 'date'), to: parseValue(to, 'date') };
}

function readWorkingTimes(node: XmlNode): MspdiWorkingTime[] {
  return children(node, 'WorkingTime').flatMap((time) => {
    const from = time.children.find((child) => child.name === 'FromTime');
    const to = time.children.find((child) => child.name === 'ToTime');
    // MPXJ and MS Project both ignore a half-specified interval.
    if (!from || !to || from.text.trim() === '' || to.text.trim() === '') return [];
    return [{ from: parseValue(from, 'time'), to: parseValue(to, 'time') }];
  });
}

function children(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((child) => {
    if (child.name !== name) unexpected(child, node);
    return true;
  });
}

function unexpected(child: XmlNode, parent: XmlNode): never {
  throw new MspdiError(`<${child.name}> is not expected inside <${parent.name}>`, child.line);
}
