import {
  defaultReportPeriod,
  effectiveColour,
  type RagColour,
  type RagDimension,
  ragDimensions,
} from '@tandem/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../../api/client';
import { Dialog, DialogActions } from '../../../components/dialog';
import { EmptyState, FormAlert, SkeletonRows } from '../../../components/feedback';
import { TextField } from '../../../components/field';
import { formFailure } from '../../../components/form-error';
import { Icons } from '../../../components/icons';
import type { ProjectViewProps } from '../project-views';
import { RagDots } from './rag-badge';
import { periodText, ReportDocument } from './report-document';
import { ReportEditor } from './report-editor';
import { reportKeys, reportsApi, type StatusReportSummary } from './reports-api';
import { ShareLinksPanel } from './share-links-panel';
import './reports.css';
import { useCan } from '../../../lib/permissions';

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

function colours(report: StatusReportSummary): Record<RagDimension, RagColour | null> {
  const out = {} as Record<RagDimension, RagColour | null>;
  for (const dimension of ragDimensions) out[dimension] = effectiveColour(report.rag[dimension]);
  return out;
}

/** The Reports tab: the history of status reports, a draft's editor, a published report with its PDF and links. */
export function ReportsView({ projectId, project }: ProjectViewProps) {
  const list = useQuery({ queryKey: reportKeys.list(projectId), queryFn: () => reportsApi.list(projectId) });
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const canEdit = useCan('edit');
  const items = list.data?.items ?? [];
  const current = items.find((item) => item.id === selected) ?? items[0];
  return (
    <div className="reports">
      <aside className="reports__history" aria-label="Report history">
        <div className="reports__history-header">
          <h2>Status reports</h2>
          {canEdit ? (
            <button
              type="button"
              className="button button--primary button--small"
              onClick={() => setCreating(true)}
            >
              <Icons.plus width={14} height={14} /> New report
            </button>
          ) : null}
        </div>
        {list.isPending ? (
          <SkeletonRows rows={4} />
        ) : list.isError ? (
          <FormAlert message={messageOf(list.error)} />
        ) : items.length === 0 ? (
          <p className="muted reports__none">No reports yet.</p>
        ) : (
          <ul className="reports__list">
            {items.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="reports__item"
                  aria-current={item.id === current?.id ? 'true' : undefined}
                  onClick={() => setSelected(item.id)}
                >
                  <span className="reports__item-title">{item.title}</span>
                  <span className="reports__item-meta">
                    <span className="muted">{periodText(item.periodStart, item.periodFinish)}</span>
                    {item.state === 'draft' ? <span className="badge">Draft</span> : null}
                  </span>
                  <RagDots colours={colours(item)} />
                </button>
              </li>
            ))}
          </ul>
        )}
      </aside>
      <div className="reports__detail">
        {current ? (
          <ReportDetail
            key={current.id}
            projectId={projectId}
            projectName={project.name}
            summary={current}
            onDeleted={() => setSelected(null)}
          />
        ) : list.isPending ? null : (
          <EmptyState
            icon={<Icons.project width={22} height={22} />}
            title="No status reports yet"
            action={
              canEdit ? (
                <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
                  Write the first report
                </button>
              ) : undefined
            }
          >
            A status report rates schedule, cost, scope, risk and quality for a period.{' '}
            {canEdit
              ? "Tandem suggests each colour from the plan's figures; you confirm or override it, write the story, publish and share it."
              : 'The reports published for this project will show here.'}
          </EmptyState>
        )}
      </div>
      {creating ? (
        <NewReportDialog
          projectId={projectId}
          previousFinish={items.reduce<string | undefined>(
            (latest, item) =>
              latest === undefined || item.periodFinish > latest ? item.periodFinish : latest,
            undefined,
          )}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setSelected(id);
          }}
        />
      ) : null}
    </div>
  );
}

function ReportDetail({
  projectId,
  projectName,
  summary,
  onDeleted,
}: {
  projectId: string;
  projectName: string;
  summary: StatusReportSummary;
  onDeleted: () => void;
}) {
  const canEdit = useCan('edit');
  const canManage = useCan('manage');
  const report = useQuery({
    queryKey: reportKeys.one(projectId, summary.id),
    queryFn: () => reportsApi.get(projectId, summary.id),
  });
  if (report.isPending) return <SkeletonRows rows={8} />;
  if (report.isError) return <FormAlert message={messageOf(report.error)} />;
  const data = report.data;
  if (data.state === 'draft' && canEdit) return <ReportEditor report={data} onDeleted={onDeleted} />;
  return (
    <div className="stack">
      <div className="reports__actions">
        {data.state === 'draft' ? (
          <span className="badge">Draft</span>
        ) : (
          <span className="badge badge--success">Published</span>
        )}
        <a className="button button--small" href={reportsApi.pdfUrl(data)} target="_blank" rel="noreferrer">
          Download PDF
        </a>
      </div>
      <section className="card">
        <div className="card__body">
          <ReportDocument report={data} projectName={projectName} />
        </div>
      </section>
      {canManage ? <ShareLinksPanel reportId={data.id} /> : null}
    </div>
  );
}

function NewReportDialog({
  projectId,
  previousFinish,
  onClose,
  onCreated,
}: {
  projectId: string;
  previousFinish: string | undefined;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const client = useQueryClient();
  const period = defaultReportPeriod(isoDay(new Date()), previousFinish);
  const [title, setTitle] = useState(`Status report ${period.finish}`);
  const [periodStart, setPeriodStart] = useState(period.start);
  const [periodFinish, setPeriodFinish] = useState(period.finish);
  const create = useMutation({
    mutationFn: () => reportsApi.create(projectId, { title: title.trim(), periodStart, periodFinish }),
    onSuccess: async (report) => {
      client.setQueryData(reportKeys.one(projectId, report.id), report);
      await client.invalidateQueries({ queryKey: reportKeys.list(projectId) });
      onCreated(report.id);
    },
  });
  const failure = formFailure(create.error, ['title', 'periodStart', 'periodFinish']);
  return (
    <Dialog
      open
      onClose={onClose}
      title="New status report"
      description="Colours start from what the figures suggest; you can override them with a reason."
      onSubmit={() => create.mutate()}
      footer={
        <DialogActions onCancel={onClose} disabled={create.isPending || title.trim() === ''}>
          Create draft
        </DialogActions>
      }
    >
      <div className="stack">
        <FormAlert message={failure.form} />
        <TextField
          label="Title"
          required
          value={title}
          error={failure.fields.title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <div className="report-editor__period">
          <TextField
            label="Period start"
            type="date"
            required
            value={periodStart}
            error={failure.fields.periodStart}
            onChange={(event) => setPeriodStart(event.target.value)}
          />
          <TextField
            label="Period finish"
            type="date"
            required
            value={periodFinish}
            error={failure.fields.periodFinish}
            onChange={(event) => setPeriodFinish(event.target.value)}
          />
        </div>
      </div>
    </Dialog>
  );
}
