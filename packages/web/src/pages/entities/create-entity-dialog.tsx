import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { request } from '../../api/client';
import { api, unwrapEntity } from '../../api/endpoints';
import { keys } from '../../api/query-keys';
import type { Entity, EntityKind } from '../../api/types';
import { Dialog, DialogActions } from '../../components/dialog';
import { FormAlert } from '../../components/feedback';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { formFailure } from '../../components/form-error';
import { useToast } from '../../components/toast';
import { kindLabels } from '../../lib/kinds';

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Creates a product, program or project with the few fields it needs to exist, then opens it. */
export function CreateEntityDialog({
  kind,
  workspaceId,
  open,
  onClose,
}: {
  kind: EntityKind;
  workspaceId: string;
  open: boolean;
  onClose: () => void;
}) {
  const label = kindLabels[kind];
  const client = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [description, setDescription] = useState('');
  const [startDate, setStartDate] = useState(today);
  const [programId, setProgramId] = useState('');
  const [productId, setProductId] = useState('');
  const related = (other: EntityKind) => ({
    queryKey: keys.entityNames(other, workspaceId, ''),
    queryFn: () => api.entities(other, workspaceId, { sort: 'name' }),
    enabled: open && kind === 'projects',
  });
  const programs = useQuery(related('programs'));
  const products = useQuery(related('products'));
  // A project may start blank, from a template, or as a copy of another project (its plan moved to the new start).
  const [source, setSource] = useState('');
  const templates = useQuery({
    queryKey: [...keys.entityNames('projects', workspaceId, ''), 'templates'],
    queryFn: () => api.entities('projects', workspaceId, { sort: 'name', template: 'true' }),
    enabled: open && kind === 'projects',
  });
  const projects = useQuery(related('projects'));
  const create = useMutation({
    mutationFn: () => {
      if (kind === 'projects' && source) {
        return request<Entity>('POST', `/api/projects/${source}/copy`, {
          body: { name: name.trim(), startDate },
        });
      }
      const body: Record<string, string> = { name: name.trim() };
      if (description.trim()) body.description = description.trim();
      if (label.textField && text.trim()) body[label.textField] = text.trim();
      if (kind === 'projects') {
        body.startDate = startDate;
        if (programId) body.programId = programId;
        if (productId) body.productId = productId;
      }
      return api.createEntity(kind, workspaceId, body);
    },
    onSuccess: async (reply) => {
      const entity = unwrapEntity(kind, reply);
      await client.invalidateQueries({ queryKey: keys.entitiesOf(kind, workspaceId) });
      toast.success(`${label.singular} “${entity.name}” created`);
      setName('');
      setText('');
      setDescription('');
      onClose();
      await navigate({
        to: `/w/$workspaceId/${kind}/$entityId`,
        params: { workspaceId, entityId: entity.id },
      });
    },
  });
  const failure = formFailure(create.error, ['name', 'description', 'vision', 'objective', 'startDate']);
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title={`New ${label.singular.toLowerCase()}`}
      description={label.blurb}
      onSubmit={() => create.mutate()}
      footer={
        <DialogActions onCancel={close} disabled={create.isPending}>
          Create {label.singular.toLowerCase()}
        </DialogActions>
      }
    >
      <FormAlert message={failure.form} />
      <TextField
        label="Name"
        autoFocus
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={failure.fields.name}
        placeholder={
          kind === 'products'
            ? 'Mobile app'
            : kind === 'programs'
              ? 'Enter the EU market'
              : 'Checkout redesign'
        }
      />
      {label.textField ? (
        <TextField
          label={label.textField === 'vision' ? 'Vision' : 'Objective'}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={failure.fields[label.textField]}
          hint={
            label.textField === 'vision' ? 'One sentence on who it is for and why.' : 'The outcome it serves.'
          }
        />
      ) : null}
      {kind === 'projects' ? (
        <>
          <SelectField
            label="Start from"
            value={source}
            onChange={setSource}
            options={[
              { value: '', label: 'A blank project' },
              ...(templates.data?.items ?? []).map((p) => ({ value: p.id, label: `Template: ${p.name}` })),
              ...(projects.data?.items ?? []).map((p) => ({ value: p.id, label: `Copy of ${p.name}` })),
            ]}
          />
          <TextField
            label="Start date"
            type="date"
            required
            value={startDate}
            onChange={(e) => setStartDate(e.target.value)}
            error={failure.fields.startDate}
          />
          <div className="row" style={{ alignItems: 'flex-start', gap: 16 }}>
            <div style={{ flex: 1 }}>
              <SelectField
                label="Program"
                value={programId}
                onChange={setProgramId}
                options={[
                  { value: '', label: 'None' },
                  ...(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
                ]}
              />
            </div>
            <div style={{ flex: 1 }}>
              <SelectField
                label="Product"
                value={productId}
                onChange={setProductId}
                options={[
                  { value: '', label: 'None' },
                  ...(products.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
                ]}
              />
            </div>
          </div>
        </>
      ) : null}
      <TextAreaField
        label="Description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={failure.fields.description}
        rows={3}
      />
    </Dialog>
  );
}
