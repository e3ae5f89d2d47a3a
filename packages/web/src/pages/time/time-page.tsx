import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { messageOf } from '../../api/client';
import { FormAlert, SkeletonRows } from '../../components/feedback';
import { useToast } from '../../components/toast';
import { useDocumentTitle } from '../../lib/use-document-title';
import { addDays, mondayOf, shortDay, today } from '../resources/dates';
import { Approvals } from './approvals';
import { type TimesheetState, timeApi, timeKeys } from './time-api';
import { TimesheetGrid } from './timesheet-grid';
import '../resources/resources.css';

const stateLabels: Record<TimesheetState, string> = {
  open: 'Open',
  submitted: 'Submitted, waiting for approval',
  approved: 'Approved',
  rejected: 'Sent back',
};

/** The Time page: my week of time (tasks × days), submitting it, and the weeks waiting for my approval. */
export function TimePage() {
  const { workspaceId = '' } = useParams({ strict: false }) as { workspaceId?: string };
  useDocumentTitle('Time');
  const client = useQueryClient();
  const toast = useToast();
  const [weekStart, setWeekStart] = useState(() => mondayOf(today()));
  const sheet = useQuery({
    queryKey: timeKeys.week(workspaceId, weekStart),
    queryFn: () => timeApi.week(workspaceId, weekStart),
  });
  const submit = useMutation({
    mutationFn: () => timeApi.submit(workspaceId, weekStart),
    onSuccess: () => toast.success(`The week of ${shortDay(weekStart)} was submitted`),
    onSettled: () => void client.invalidateQueries({ queryKey: timeKeys.all }),
  });
  const state = sheet.data?.state ?? 'open';
  return (
    <div className="page page--wide">
      <header className="page-header">
        <div className="page-header__text">
          <h1>Time</h1>
          <p>Log time on your tasks week by week, then submit the week for approval.</p>
        </div>
      </header>
      <div className="stack">
        <section className="card" aria-labelledby="week-title">
          <header
            className="card__header row"
            style={{ justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}
          >
            <div>
              <h2 id="week-title">Week of {shortDay(weekStart)}</h2>
              <p>
                <span
                  className={`badge${state === 'approved' ? ' badge--success' : state === 'rejected' ? ' workload__badge' : ''}`}
                >
                  {stateLabels[state]}
                </span>
                {state === 'rejected' && sheet.data?.comment ? ` “${sheet.data.comment}”` : ''}
              </p>
            </div>
            <div className="row" style={{ gap: 8 }}>
              <button
                type="button"
                className="button button--small"
                onClick={() => setWeekStart(addDays(weekStart, -7))}
              >
                Previous week
              </button>
              <button
                type="button"
                className="button button--small"
                onClick={() => setWeekStart(mondayOf(today()))}
              >
                This week
              </button>
              <button
                type="button"
                className="button button--small"
                onClick={() => setWeekStart(addDays(weekStart, 7))}
              >
                Next week
              </button>
              <input
                className="input"
                type="date"
                aria-label="Go to the week of"
                value={weekStart}
                onChange={(event) => event.target.value && setWeekStart(mondayOf(event.target.value))}
              />
              <button
                type="button"
                className="button button--primary button--small"
                disabled={
                  submit.isPending ||
                  state === 'submitted' ||
                  state === 'approved' ||
                  !sheet.data?.totalMinutes
                }
                onClick={() => submit.mutate()}
              >
                Submit week
              </button>
            </div>
          </header>
          <div className="card__body">
            <FormAlert
              message={sheet.error || submit.error ? messageOf(sheet.error ?? submit.error) : undefined}
            />
            {sheet.data ? (
              <TimesheetGrid workspaceId={workspaceId} sheet={sheet.data} />
            ) : (
              <SkeletonRows rows={3} />
            )}
          </div>
        </section>
        <Approvals workspaceId={workspaceId} />
      </div>
    </div>
  );
}
