import { useState } from 'react';
import { type LinkType, type Plan, type PlanLink, type PlanTask, planKeys } from '../../../api/plan';
import { useVersionedMutation } from '../../../api/versioned-mutation';
import { useCan } from '../../../lib/permissions';
import type { PlanEdits } from '../gantt/use-plan-edits';

const linkTypes: readonly LinkType[] = ['FS', 'SS', 'FF', 'SF'];
const typeNames: Record<LinkType, string> = {
  FS: 'Finish-to-start',
  SS: 'Start-to-start',
  FF: 'Finish-to-finish',
  SF: 'Start-to-finish',
};

function LinkRow({
  projectId,
  link,
  other,
  edits,
  minutesPerDay,
}: {
  projectId: string;
  link: PlanLink;
  other: string;
  edits: PlanEdits;
  minutesPerDay: number;
}) {
  const lagDays = Math.round((link.lagMinutes / minutesPerDay) * 100) / 100;
  // A type and a lag changed in quick succession save one after the other, the second at the first's version.
  const update = useVersionedMutation<PlanLink, { type?: LinkType; lagMinutes?: number }, boolean>({
    scope: `link-${link.id}`,
    cache: {
      latest: (client, entity) =>
        client.getQueryData<Plan>(planKeys.plan(projectId))?.links.find((l) => l.id === entity.id),
    },
    save: (latest, changes) => edits.updateLink(latest, changes),
  });
  return (
    <li className="task-panel__link">
      <span className="task-panel__link-name">{other}</span>
      <select
        className="input input--small"
        aria-label={`Type of the link with ${other}`}
        value={link.type}
        onChange={(event) =>
          update.mutate({ entity: link, changes: { type: event.target.value as LinkType } })
        }
      >
        {linkTypes.map((type) => (
          <option key={type} value={type} title={typeNames[type]}>
            {type}
          </option>
        ))}
      </select>
      <input
        key={`lag-${lagDays}`}
        className="input input--small task-panel__lag"
        aria-label={`Lag in days of the link with ${other}`}
        type="number"
        step="0.5"
        defaultValue={lagDays}
        onBlur={(event) => {
          const days = Number(event.target.value);
          if (Number.isFinite(days) && days !== lagDays)
            update.mutate({ entity: link, changes: { lagMinutes: Math.round(days * minutesPerDay) } });
        }}
      />
      <span className="muted">d</span>
      <button
        type="button"
        className="button button--small button--ghost"
        aria-label={`Remove the link with ${other}`}
        onClick={() => void edits.deleteLink(link)}
      >
        ×
      </button>
    </li>
  );
}

/** The task's predecessors and successors, each with its type and lag, and a picker to add a predecessor. */
export function TaskLinks({
  plan,
  task,
  edits,
  minutesPerDay,
}: {
  plan: Plan;
  task: PlanTask;
  edits: PlanEdits;
  minutesPerDay: number;
}) {
  const [adding, setAdding] = useState('');
  const canEdit = useCan('edit');
  const names = new Map(plan.tasks.map((t) => [t.id, t.name]));
  const predecessors = plan.links.filter((l) => l.successorId === task.id);
  const successors = plan.links.filter((l) => l.predecessorId === task.id);
  return (
    <div className="stack-sm">
      <h3 className="task-panel__heading">Predecessors</h3>
      <ul className="task-panel__links" aria-label="Predecessors">
        {predecessors.map((link) => (
          <LinkRow
            key={link.id}
            projectId={plan.project.id}
            link={link}
            other={names.get(link.predecessorId) ?? '?'}
            edits={edits}
            minutesPerDay={minutesPerDay}
          />
        ))}
      </ul>
      {predecessors.length === 0 && !canEdit ? <p className="muted">None</p> : null}
      {canEdit ? (
        <div className="row" style={{ gap: 8 }}>
          <select
            className="input input--small"
            aria-label="Add a predecessor"
            value={adding}
            onChange={(event) => setAdding(event.target.value)}
          >
            <option value="">Add a predecessor…</option>
            {plan.tasks
              .filter((t) => t.id !== task.id && !predecessors.some((l) => l.predecessorId === t.id))
              .slice(0, 500)
              .map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
          </select>
          <button
            type="button"
            className="button button--small"
            disabled={!adding}
            onClick={() => {
              void edits.createLink(adding, task.id, 'FS');
              setAdding('');
            }}
          >
            Link
          </button>
        </div>
      ) : null}
      <h3 className="task-panel__heading">Successors</h3>
      <ul className="task-panel__links" aria-label="Successors">
        {successors.map((link) => (
          <LinkRow
            key={link.id}
            projectId={plan.project.id}
            link={link}
            other={names.get(link.successorId) ?? '?'}
            edits={edits}
            minutesPerDay={minutesPerDay}
          />
        ))}
      </ul>
      {successors.length === 0 ? <p className="muted">None</p> : null}
    </div>
  );
}
