import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, messageOf } from '../../api/client';
import { api } from '../../api/endpoints';
import { keys } from '../../api/query-keys';
import { Dialog, DialogActions } from '../../components/dialog';
import { FormAlert } from '../../components/feedback';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { useToast } from '../../components/toast';
import { WorkingDaysField } from '../../components/working-days-field';
import { holidaysText, hoursText, parseHolidays, parseHours } from '../../lib/working-time-text';
import {
  type Resource,
  type ResourceInput,
  type ResourceKind,
  resourceKeys,
  resourcesApi,
} from './resources-api';

const kinds: { value: ResourceKind; label: string }[] = [
  { value: 'person', label: 'Person' },
  { value: 'equipment', label: 'Equipment' },
  { value: 'material', label: 'Material' },
];

/** Creates a resource, or edits one: name, kind, who it stands for, max units, rates and its own calendar. */
export function ResourceDialog({
  workspaceId,
  resource,
  open,
  onClose,
}: {
  workspaceId: string;
  resource: Resource | null;
  open: boolean;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const toast = useToast();
  const members = useQuery({
    queryKey: keys.members(workspaceId),
    queryFn: () => api.members(workspaceId),
    enabled: open,
  });
  const [name, setName] = useState(resource?.name ?? '');
  const [kind, setKind] = useState<ResourceKind>(resource?.kind ?? 'person');
  const [userId, setUserId] = useState(resource?.userId ?? '');
  const [units, setUnits] = useState(String(Math.round((resource?.maxUnits ?? 1) * 100)));
  const [rate, setRate] = useState(String((resource?.standardRateCents ?? 0) / 100));
  const [overtime, setOvertime] = useState(String((resource?.overtimeRateCents ?? 0) / 100));
  const [perUse, setPerUse] = useState(String((resource?.costPerUseCents ?? 0) / 100));
  const [ownCalendar, setOwnCalendar] = useState(resource?.calendar !== null && resource !== null);
  const [days, setDays] = useState<number[]>(resource?.calendar?.workingDays ?? [1, 2, 3, 4, 5]);
  const [hours, setHours] = useState(hoursText(resource?.calendar?.workingHours));
  const [holidays, setHolidays] = useState(holidaysText(resource?.calendar?.holidays));
  const save = useMutation({
    mutationFn: () => {
      const body: ResourceInput = {
        name: name.trim(),
        kind,
        userId: kind === 'person' && userId ? userId : null,
        calendar: ownCalendar
          ? { workingDays: days, workingHours: parseHours(hours), holidays: parseHolidays(holidays) }
          : null,
        maxUnits: Number(units) / 100,
        standardRateCents: Math.round(Number(rate) * 100),
        overtimeRateCents: Math.round(Number(overtime) * 100),
        costPerUseCents: Math.round(Number(perUse) * 100),
      };
      return resource ? resourcesApi.update(resource, body) : resourcesApi.create(workspaceId, body);
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: resourceKeys.list(workspaceId) });
      void client.invalidateQueries({ queryKey: resourceKeys.workloadOf(workspaceId) });
      toast.success(resource ? `${saved.name} saved` : `${saved.name} added`);
      onClose();
    },
  });
  const fieldError = (field: string) =>
    save.error instanceof ApiError && save.error.field?.startsWith(field) ? save.error.message : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const people = members.data?.items ?? [];
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={resource ? `Edit ${resource.name}` : 'Add a resource'}
      onSubmit={submit}
      footer={
        <DialogActions onCancel={onClose} disabled={save.isPending || name.trim() === ''}>
          {resource ? 'Save' : 'Add resource'}
        </DialogActions>
      }
    >
      <div className="stack">
        <FormAlert
          message={
            save.error && !(save.error instanceof ApiError && save.error.field)
              ? messageOf(save.error)
              : undefined
          }
        />
        <TextField
          label="Name"
          required
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={fieldError('name')}
        />
        <div className="resource-form__pair">
          <SelectField
            label="Kind"
            options={kinds}
            value={kind}
            onChange={(value) => setKind(value as ResourceKind)}
          />
          {kind === 'person' ? (
            <SelectField
              label="Workspace member"
              options={[
                { value: '', label: 'Nobody (not a user)' },
                ...people.map((member) => ({ value: member.user.id, label: member.user.name })),
              ]}
              value={userId}
              onChange={setUserId}
            />
          ) : null}
        </div>
        {fieldError('userId') ? <p className="field__error">{fieldError('userId')}</p> : null}
        <div className="resource-form__pair">
          <TextField
            label="Max units (%)"
            type="number"
            min={1}
            step={1}
            value={units}
            onChange={(event) => setUnits(event.target.value)}
            error={fieldError('maxUnits')}
            hint="100 % is one full-time unit"
          />
          <TextField
            label="Standard rate per hour"
            type="number"
            min={0}
            step={0.01}
            value={rate}
            onChange={(event) => setRate(event.target.value)}
            error={fieldError('standardRateCents')}
          />
        </div>
        <div className="resource-form__pair">
          <TextField
            label="Overtime rate per hour"
            type="number"
            min={0}
            step={0.01}
            value={overtime}
            onChange={(event) => setOvertime(event.target.value)}
            error={fieldError('overtimeRateCents')}
          />
          <TextField
            label="Cost per use"
            type="number"
            min={0}
            step={0.01}
            value={perUse}
            onChange={(event) => setPerUse(event.target.value)}
            error={fieldError('costPerUseCents')}
          />
        </div>
        {kind !== 'material' ? (
          <fieldset className="resource-form__calendar">
            <legend>
              <label className="row">
                <input
                  type="checkbox"
                  checked={ownCalendar}
                  onChange={(event) => setOwnCalendar(event.target.checked)}
                />
                Own working time (otherwise each project's calendar)
              </label>
            </legend>
            {ownCalendar ? (
              <div className="stack-sm">
                <WorkingDaysField days={days} onChange={setDays} />
                <TextField
                  label="Working hours"
                  value={hours}
                  onChange={(event) => setHours(event.target.value)}
                  hint="For example 08:00-12:00, 13:00-17:00"
                  error={fieldError('calendar.workingHours')}
                />
                <TextAreaField
                  label="Holidays"
                  rows={3}
                  value={holidays}
                  onChange={(event) => setHolidays(event.target.value)}
                  hint="One a line: 2026-12-25 Christmas"
                  error={fieldError('calendar.holidays')}
                />
              </div>
            ) : null}
          </fieldset>
        ) : null}
      </div>
    </Dialog>
  );
}
