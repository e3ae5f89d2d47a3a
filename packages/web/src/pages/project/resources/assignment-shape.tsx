import type { WorkContour } from '@tandem/core';
import type { Assignment } from '../../resources/resources-api';

/** MS Project's predefined work contours, as a person reads them; any but flat stretches the assignment's span. */
const contourLabels: Record<WorkContour, string> = {
  flat: 'Flat',
  backLoaded: 'Back loaded',
  frontLoaded: 'Front loaded',
  doublePeak: 'Double peak',
  earlyPeak: 'Early peak',
  latePeak: 'Late peak',
  bell: 'Bell',
  turtle: 'Turtle',
};

/** The fields of an assignment's shape a person may change here. */
export type ShapeChanges = Partial<Pick<Assignment, 'contour' | 'overtimeWorkMinutes' | 'delayMinutes'>>;

/** Hours typed into a field, as whole minutes; null for something that is not a number of hours. */
function minutesOf(text: string): number | null {
  const hours = Number(text);
  return text.trim() === '' || !Number.isFinite(hours) ? null : Math.round(hours * 60);
}

/**
 * How one assignment's work is laid out: its work contour, its overtime work and its delay after the task's start
 * (both in hours). Each change is sent as it is made; the server refuses what is out of range.
 * @example <AssignmentShape assignment={a} canEdit onChange={(changes) => save(a, changes)} />
 */
export function AssignmentShape({
  assignment,
  canEdit,
  onChange,
}: {
  assignment: Assignment;
  canEdit: boolean;
  onChange: (changes: ShapeChanges) => void;
}) {
  const who = assignment.resourceName;
  // Each field remounts only when its own value changes, so another field's save keeps what the user is typing.
  const hoursField = (field: 'overtimeWorkMinutes' | 'delayMinutes', label: string) => (
    <label className="row muted" style={{ gap: 4, fontSize: 12 }}>
      {label}
      <input
        key={`${field}-${assignment[field]}`}
        className="input"
        style={{ width: 64 }}
        type="number"
        min={0}
        step={0.5}
        disabled={!canEdit}
        aria-label={`${label} of ${who} (hours)`}
        defaultValue={Math.round((assignment[field] / 60) * 100) / 100}
        onBlur={(event) => {
          const minutes = minutesOf(event.target.value);
          if (minutes !== null && minutes !== Math.round(assignment[field])) onChange({ [field]: minutes });
        }}
      />
      h
    </label>
  );
  return (
    <div className="row" style={{ gap: 8, flexWrap: 'wrap' }}>
      <select
        key={`contour-${assignment.contour}`}
        className="select"
        aria-label={`Work contour of ${who}`}
        defaultValue={assignment.contour}
        disabled={!canEdit}
        onChange={(event) => onChange({ contour: event.target.value as WorkContour })}
      >
        {Object.entries(contourLabels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {hoursField('overtimeWorkMinutes', 'Overtime')}
      {hoursField('delayMinutes', 'Delay')}
    </div>
  );
}
