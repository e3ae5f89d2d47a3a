import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../../api/client';
import { Dialog, DialogActions } from '../../../components/dialog';
import { TextField } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { useCan } from '../../../lib/permissions';
import { agileApi, agileKeys, type SavedView, type SavedViewKind, useSavedViews } from '../board/agile-api';

/**
 * Saved views of a list or board, shared with the team: pick one to apply its filters, sort and grouping, save the
 * current ones under a name, update or delete the one picked.
 */
export function SavedViewPicker<Config extends object>({
  projectId,
  kind,
  current,
  onApply,
}: {
  projectId: string;
  kind: SavedViewKind;
  current: Config;
  onApply: (config: Partial<Config>) => void;
}) {
  const client = useQueryClient();
  const toast = useToast();
  const canEdit = useCan('edit');
  const views = useSavedViews(projectId, kind);
  const [picked, setPicked] = useState<string>('');
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const chosen = views.data?.find((view) => view.id === picked);
  const refresh = () => client.invalidateQueries({ queryKey: agileKeys.views(projectId, kind) });
  const onFailure = (error: unknown) => toast.error(messageOf(error));
  const create = useMutation({
    mutationFn: () =>
      agileApi.createView(projectId, { kind, name: name.trim(), config: current as Record<string, unknown> }),
    onSuccess: async (view: SavedView) => {
      await refresh();
      setPicked(view.id);
      setNaming(false);
      toast.success(`Saved the view "${view.name}" for everyone on this project`);
    },
  });
  const update = useMutation({
    mutationFn: (view: SavedView) =>
      agileApi.updateView(view.id, { config: current as Record<string, unknown> }, view.version),
    onSuccess: async (view) => {
      await refresh();
      toast.success(`Updated the view "${view.name}"`);
    },
    onError: onFailure,
  });
  const remove = useMutation({
    mutationFn: (view: SavedView) => agileApi.deleteView(view.id, view.version),
    onSuccess: async () => {
      setPicked('');
      await refresh();
    },
    onError: onFailure,
  });
  return (
    <div className="row saved-views">
      <select
        className="select select--small"
        aria-label="Saved view"
        value={picked}
        onChange={(event) => {
          setPicked(event.target.value);
          const view = views.data?.find((v) => v.id === event.target.value);
          if (view) onApply(view.config as Partial<Config>);
        }}
      >
        <option value="">{views.data?.length ? 'Saved views…' : 'No saved views'}</option>
        {views.data?.map((view) => (
          <option key={view.id} value={view.id}>
            {view.name}
          </option>
        ))}
      </select>
      {chosen && canEdit ? (
        <>
          <button type="button" className="button button--small" onClick={() => update.mutate(chosen)}>
            Update view
          </button>
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => remove.mutate(chosen)}
          >
            Delete view
          </button>
        </>
      ) : null}
      {canEdit ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setName('');
            create.reset();
            setNaming(true);
          }}
        >
          Save view
        </button>
      ) : null}
      <Dialog
        open={naming}
        onClose={() => setNaming(false)}
        title="Save this view"
        description="Everyone who can see this project can pick it."
        onSubmit={() => create.mutate()}
        footer={
          <DialogActions onCancel={() => setNaming(false)} disabled={create.isPending || !name.trim()}>
            Save view
          </DialogActions>
        }
      >
        <TextField
          label="View name"
          value={name}
          maxLength={200}
          autoFocus
          error={create.error ? messageOf(create.error) : undefined}
          onChange={(event) => setName(event.target.value)}
        />
      </Dialog>
    </div>
  );
}
