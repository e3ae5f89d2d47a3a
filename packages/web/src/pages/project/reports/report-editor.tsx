import type { RagDimension } from '@tandem/core';
import { ragDimensions } from '@tandem/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../api/client';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Dialog, DialogActions } from '../../../components/dialog';
import { ConflictAlert, FormAlert } from '../../../components/feedback';
import { TextAreaField, TextField } from '../../../components/field';
import { formFailure } from '../../../components/form-error';
import { useToast } from '../../../components/toast';
import { MarkdownView } from '../task-panel/markdown-view';
import { needsReason, RagEditor } from './rag-editor';
import { FiguresGrid } from './report-document';
import {
  type RagChoice,
  reportKeys,
  reportsApi,
  type StatusReport,
  type StatusReportInput,
} from './reports-api';

const fieldNames = [
  'title',
  'periodStart',
  'periodFinish',
  'narrative',
  ...ragDimensions.map((dimension) => `rag.${dimension}.reason`),
];

function inputOf(report: StatusReport): StatusReportInput {
  const rag = {} as Record<RagDimension, RagChoice>;
  for (const dimension of ragDimensions) {
    const { chosen, reason } = report.rag[dimension];
    rag[dimension] = { chosen, reason };
  }
  return {
    title: report.title,
    periodStart: report.periodStart,
    periodFinish: report.periodFinish,
    narrative: report.narrative,
    rag,
  };
}

/** Edits a draft report: title, period, colours against the suggestions, narrative with its preview; publishes it. */
export function ReportEditor({ report, onDeleted }: { report: StatusReport; onDeleted: () => void }) {
  const client = useQueryClient();
  const toast = useToast();
  const [input, setInput] = useState(() => inputOf(report));
  const [base, setBase] = useState(report.version);
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const [publishing, setPublishing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const dirty = JSON.stringify(input) !== JSON.stringify(inputOf(report)) || base !== report.version;
  const refresh = async (saved?: StatusReport) => {
    if (saved) client.setQueryData(reportKeys.one(saved.projectId, saved.id), saved);
    await client.invalidateQueries({ queryKey: reportKeys.list(report.projectId) });
  };
  const save = useMutation({
    mutationFn: () => reportsApi.update({ ...report, version: base }, input),
    onSuccess: async (saved) => {
      setBase(saved.version);
      setInput(inputOf(saved));
      await refresh(saved);
      toast.success('Report saved');
    },
  });
  const publish = useMutation({
    mutationFn: async () => {
      const saved = dirty ? await reportsApi.update({ ...report, version: base }, input) : report;
      return reportsApi.publish(saved);
    },
    onSuccess: async (published) => {
      setPublishing(false);
      await refresh(published);
      toast.success(`“${published.title}” published`);
    },
    onError: () => setPublishing(false),
  });
  const remove = useMutation({
    mutationFn: () => reportsApi.remove({ ...report, version: base }),
    onSuccess: async () => {
      setDeleting(false);
      client.removeQueries({ queryKey: reportKeys.one(report.projectId, report.id) });
      await refresh();
      onDeleted();
    },
  });
  const error = save.error ?? publish.error;
  const failure = formFailure(error, fieldNames);
  const conflict = error instanceof ApiError && error.code === 'VERSION_CONFLICT';
  const missingReason = ragDimensions.some(
    (dimension) =>
      needsReason(report.rag[dimension].suggested, input.rag[dimension]) &&
      !input.rag[dimension].reason.trim(),
  );
  const set = <K extends keyof StatusReportInput>(key: K, value: StatusReportInput[K]) =>
    setInput((current) => ({ ...current, [key]: value }));

  return (
    <div className="stack report-editor">
      <section className="card" aria-labelledby="report-editor-title">
        <header className="card__header">
          <h2 id="report-editor-title">Draft</h2>
          <div className="row">
            <a
              className="button button--small"
              href={reportsApi.pdfUrl(report)}
              target="_blank"
              rel="noreferrer"
            >
              PDF
            </a>
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={() => setDeleting(true)}
            >
              Delete draft
            </button>
          </div>
        </header>
        <form
          className="card__body stack"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          {conflict ? (
            <ConflictAlert
              onReload={async () => {
                save.reset();
                publish.reset();
                const fresh = await client.fetchQuery({
                  queryKey: reportKeys.one(report.projectId, report.id),
                  queryFn: () => reportsApi.get(report.projectId, report.id),
                });
                setInput(inputOf(fresh));
                setBase(fresh.version);
              }}
            >
              Someone else changed this report. Reload it, then make your change again.
            </ConflictAlert>
          ) : (
            <FormAlert message={failure.form} />
          )}
          <TextField
            label="Title"
            required
            value={input.title}
            error={failure.fields.title}
            onChange={(event) => set('title', event.target.value)}
          />
          <div className="report-editor__period">
            <TextField
              label="Period start"
              type="date"
              required
              value={input.periodStart}
              error={failure.fields.periodStart}
              onChange={(event) => set('periodStart', event.target.value)}
            />
            <TextField
              label="Period finish"
              type="date"
              required
              value={input.periodFinish}
              error={failure.fields.periodFinish}
              onChange={(event) => set('periodFinish', event.target.value)}
            />
          </div>
          <div className="field">
            <span className="field__label">Status</span>
            <RagEditor
              suggested={report.rag}
              value={input.rag}
              errors={failure.fields}
              onChange={(dimension, choice) => set('rag', { ...input.rag, [dimension]: choice })}
            />
          </div>
          <div className="report-editor__narrative">
            <div className="tabs" role="tablist" aria-label="Narrative view">
              <button
                type="button"
                role="tab"
                className="tab"
                aria-selected={tab === 'write'}
                onClick={() => setTab('write')}
              >
                Write
              </button>
              <button
                type="button"
                role="tab"
                className="tab"
                aria-selected={tab === 'preview'}
                onClick={() => setTab('preview')}
              >
                Preview
              </button>
            </div>
            {tab === 'write' ? (
              <TextAreaField
                label="Narrative"
                rows={8}
                value={input.narrative}
                error={failure.fields.narrative}
                hint="Markdown: **bold**, _italic_, lists, links and headings."
                placeholder="Highlights, decisions needed, next steps…"
                onChange={(event) => set('narrative', event.target.value)}
              />
            ) : (
              <div className="report-editor__preview">
                {input.narrative.trim() ? (
                  <MarkdownView source={input.narrative} />
                ) : (
                  <p className="muted">Nothing written yet.</p>
                )}
              </div>
            )}
          </div>
          <div className="row report-editor__actions">
            <button type="submit" className="button" disabled={save.isPending || !dirty}>
              {save.isPending ? 'Saving…' : 'Save draft'}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={publish.isPending || missingReason}
              title={
                missingReason ? 'Give a reason for every colour that departs from the suggestion' : undefined
              }
              onClick={() => setPublishing(true)}
            >
              Publish…
            </button>
          </div>
        </form>
      </section>
      <section className="card" aria-labelledby="report-figures-title">
        <header className="card__header">
          <h2 id="report-figures-title">Figures now</h2>
          <p>Measured at {report.figures?.asOf ?? '—'}; frozen into the report when it is published.</p>
        </header>
        <div className="card__body">
          <FiguresGrid figures={report.figures} />
        </div>
      </section>
      <Dialog
        open={publishing}
        onClose={() => setPublishing(false)}
        title="Publish this report?"
        onSubmit={() => publish.mutate()}
        footer={
          <DialogActions onCancel={() => setPublishing(false)} disabled={publish.isPending}>
            Publish
          </DialogActions>
        }
      >
        <p className="muted">
          The figures and colours are frozen as they are now and the report becomes read-only. Stakeholders
          with a role on the project will see it, and you can share it by link.
        </p>
      </Dialog>
      <ConfirmDialog
        open={deleting}
        title="Delete this draft?"
        confirmLabel="Delete draft"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate()}
        onClose={() => setDeleting(false)}
      >
        The draft “{report.title}” and its narrative are deleted.
      </ConfirmDialog>
    </div>
  );
}
