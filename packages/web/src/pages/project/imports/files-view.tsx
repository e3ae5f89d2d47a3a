import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { request } from '../../../api/client';
import { planKeys } from '../../../api/plan';
import { keys } from '../../../api/query-keys';
import type { Entity } from '../../../api/types';
import { FormAlert } from '../../../components/feedback';
import { SelectField, TextField } from '../../../components/field';
import { useToast } from '../../../components/toast';
import type { ProjectViewProps } from '../project-views';
import { exportUrl, importCsv } from './files-api';
import './files.css';
import { useCan, useWorkspaceCan } from '../../../lib/permissions';

/** The Import & export tab: download the plan as MS Project XML or CSV, and bring tasks in from a CSV file. */
export function FilesView({ workspaceId, projectId, project }: ProjectViewProps) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  // Exports are for everyone who sees the project; importing into it needs edit, copying it needs creating projects.
  const canEdit = useCan('edit');
  const canCreate = useWorkspaceCan(workspaceId, 'create');
  const [file, setFile] = useState<File | null>(null);
  const [into, setInto] = useState<'append' | 'new'>('append');
  const [name, setName] = useState('');
  const upload = useMutation({
    mutationFn: () => {
      if (!file) throw new Error('Choose a CSV file first.');
      return importCsv(projectId, file, {
        into,
        ...(into === 'new' && name.trim() ? { name: name.trim() } : {}),
      });
    },
    onSuccess: async (result) => {
      toast.success(`Imported ${result.tasks} tasks and ${result.links} links`);
      setFile(null);
      if (result.projectId === projectId) {
        await client.invalidateQueries({ queryKey: planKeys.plan(projectId) });
        return;
      }
      await client.invalidateQueries({ queryKey: keys.entitiesOf('projects', workspaceId) });
      await navigate({
        to: '/w/$workspaceId/projects/$entityId',
        params: { workspaceId, entityId: result.projectId },
        search: { view: 'gantt' },
      });
    },
  });
  const [copyName, setCopyName] = useState('');
  const [copyStart, setCopyStart] = useState(project.startDate ?? '');
  const [asTemplate, setAsTemplate] = useState(true);
  const copy = useMutation({
    mutationFn: () =>
      request<Entity>('POST', `/api/projects/${projectId}/copy`, {
        body: {
          name: copyName.trim() || `${project.name} ${asTemplate ? 'template' : 'copy'}`,
          ...(copyStart ? { startDate: copyStart } : {}),
          asTemplate,
        },
      }),
    onSuccess: async (created) => {
      toast.success(asTemplate ? `Template “${created.name}” saved` : `Copy “${created.name}” created`);
      await client.invalidateQueries({ queryKey: keys.entitiesOf('projects', workspaceId) });
      await navigate({
        to: '/w/$workspaceId/projects/$entityId',
        params: { workspaceId, entityId: created.id },
        search: { view: 'gantt' },
      });
    },
  });
  return (
    <div className="files-grid">
      <section className="card" aria-labelledby="export-title">
        <header className="card__header">
          <h2 id="export-title">Export</h2>
        </header>
        <div className="card__body stack">
          <p className="muted">
            The plan with the dates Tandem computed: MS Project XML opens in Microsoft Project and other
            planners; CSV opens in a spreadsheet, with outline numbers and predecessors such as{' '}
            <code>3FS+2d;5SS</code>.
          </p>
          <div className="row" style={{ flexWrap: 'wrap' }}>
            <a className="button button--primary" href={exportUrl(projectId, 'xml')} download>
              Download MS Project XML
            </a>
            <a className="button" href={exportUrl(projectId, 'csv')} download>
              Download CSV
            </a>
          </div>
        </div>
      </section>
      <section className="card" aria-labelledby="csv-import-title" hidden={!canEdit}>
        <header className="card__header">
          <h2 id="csv-import-title">Import tasks from CSV</h2>
        </header>
        <form
          className="card__body stack"
          onSubmit={(event) => {
            event.preventDefault();
            upload.mutate();
          }}
        >
          <p className="muted">
            Columns Tandem reads: Name (required), Outline Level or Outline Number, Duration (3d, 4h, 2w),
            Predecessors (row ids), Milestone, Percent Complete, Constraint Type and Date, Deadline, Notes.
          </p>
          <FormAlert message={upload.error?.message} />
          <div className="field">
            <label className="field__label" htmlFor="csv-file">
              CSV file
            </label>
            <input
              id="csv-file"
              className="input"
              type="file"
              accept=".csv,text/csv"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                upload.reset();
              }}
            />
          </div>
          <SelectField
            label="Where the tasks go"
            value={into}
            onChange={(value) => setInto(value === 'new' ? 'new' : 'append')}
            options={[
              { value: 'append', label: `After the tasks of ${project.name}` },
              { value: 'new', label: 'Into a new project' },
            ]}
          />
          {into === 'new' ? (
            <TextField
              label="New project name"
              value={name}
              placeholder={`${project.name} (CSV)`}
              onChange={(event) => setName(event.target.value)}
            />
          ) : null}
          <div>
            <button type="submit" className="button button--primary" disabled={upload.isPending || !file}>
              {upload.isPending ? 'Importing…' : 'Import CSV'}
            </button>
          </div>
        </form>
      </section>
      <section className="card" aria-labelledby="copy-title" hidden={!canCreate}>
        <header className="card__header">
          <h2 id="copy-title">Copy or save as template</h2>
        </header>
        <form
          className="card__body stack"
          onSubmit={(event) => {
            event.preventDefault();
            copy.mutate();
          }}
        >
          <p className="muted">
            Copies the tasks, links, assignments, workflow, custom fields and calendar, every date moved by
            the new start. New projects can start from a template.
          </p>
          <FormAlert message={copy.error?.message} />
          <TextField
            label="Name"
            value={copyName}
            placeholder={`${project.name} ${asTemplate ? 'template' : 'copy'}`}
            onChange={(event) => setCopyName(event.target.value)}
          />
          <TextField
            label="Start date"
            type="date"
            value={copyStart}
            onChange={(event) => setCopyStart(event.target.value)}
          />
          <label className="row">
            <input
              type="checkbox"
              checked={asTemplate}
              onChange={(event) => setAsTemplate(event.target.checked)}
            />
            Save as a template
          </label>
          <div>
            <button type="submit" className="button" disabled={copy.isPending}>
              {asTemplate ? 'Save as template' : 'Copy project'}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
