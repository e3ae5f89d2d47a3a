import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, request } from '../../../api/client';
import { planKeys } from '../../../api/plan';
import { keys } from '../../../api/query-keys';
import type { Entity } from '../../../api/types';
import { FormAlert } from '../../../components/feedback';
import { TextAreaField, TextField } from '../../../components/field';
import { FormCard } from '../../../components/form-card';
import { useToast } from '../../../components/toast';
import { WorkingDaysField } from '../../../components/working-days-field';
import { useCan } from '../../../lib/permissions';
import {
  type Holiday,
  holidaysText,
  hoursText,
  parseHolidays,
  parseHours,
  type WorkingHours,
} from '../../../lib/working-time-text';

/** The schedule fields of a project the API returns beside the common entity fields. */
interface ScheduledProject extends Entity {
  statusDate?: string | null;
  calendar?: {
    workingDays: number[];
    workingHours?: WorkingHours[];
    holidays?: Holiday[];
    daysPerMonth: number;
  };
}

/**
 * A project's status date and working time (days, hours, holidays): what the engine schedules on. Saving bumps the
 * plan's revision on the server, so every open Gantt reschedules.
 */
export function ScheduleSettings({ project }: { project: Entity }) {
  const scheduled = project as ScheduledProject;
  const client = useQueryClient();
  const toast = useToast();
  const canEdit = useCan('edit');
  const [statusDate, setStatusDate] = useState(scheduled.statusDate ?? '');
  const [days, setDays] = useState<number[]>(scheduled.calendar?.workingDays ?? [1, 2, 3, 4, 5]);
  const [hours, setHours] = useState(hoursText(scheduled.calendar?.workingHours));
  const [holidays, setHolidays] = useState(holidaysText(scheduled.calendar?.holidays));
  const save = useMutation({
    mutationFn: () => {
      return request<ScheduledProject>('PATCH', `/api/projects/${project.id}`, {
        ifMatch: project.version,
        body: {
          statusDate: statusDate || null,
          // The server derives the unit figures (minutes per day and week) from the days and hours.
          calendar: { workingDays: days, workingHours: parseHours(hours), holidays: parseHolidays(holidays) },
        },
      });
    },
    onSuccess: (updated) => {
      client.setQueryData(keys.entity('projects', project.id), updated);
      void client.invalidateQueries({ queryKey: planKeys.plan(project.id) });
      toast.success('Schedule settings saved');
    },
  });
  const fieldError = (field: string) =>
    save.error instanceof ApiError && save.error.field?.startsWith(field) ? save.error.message : undefined;
  const otherError =
    save.error && !(save.error instanceof ApiError && save.error.field) ? save.error : undefined;
  return (
    <FormCard
      title="Schedule settings"
      description="The status date progress is reported up to, and the working time the plan is scheduled on."
      onSubmit={() => save.mutate()}
      readOnly={!canEdit}
      footer={
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save schedule settings'}
        </button>
      }
    >
      <div className="stack-sm">
        <FormAlert message={otherError?.message} />
        <TextField
          label="Status date"
          type="date"
          value={statusDate}
          onChange={(event) => setStatusDate(event.target.value)}
          hint="Empty means today"
          error={fieldError('statusDate')}
        />
        <div className="field">
          <span className="field__label">Working days</span>
          <WorkingDaysField days={days} onChange={setDays} />
          {fieldError('calendar.workingDays') ? (
            <span className="field__error">{fieldError('calendar.workingDays')}</span>
          ) : null}
        </div>
        <TextField
          label="Working hours"
          value={hours}
          onChange={(event) => setHours(event.target.value)}
          hint="For example 08:00-12:00, 13:00-17:00"
          error={fieldError('calendar.workingHours')}
        />
        <TextAreaField
          label="Holidays"
          rows={4}
          value={holidays}
          onChange={(event) => setHolidays(event.target.value)}
          hint="One a line: 2026-12-25 Christmas"
          error={fieldError('calendar.holidays')}
        />
      </div>
    </FormCard>
  );
}
