import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/endpoints';
import { keys } from '../../../api/query-keys';
import { SelectField } from '../../../components/field';

/** The workspace's members, for owner pickers and owner names; read once and shared through the query cache. */
function useMembers(workspaceId: string) {
  return (
    useQuery({ queryKey: keys.members(workspaceId), queryFn: () => api.members(workspaceId) }).data?.items ??
    []
  );
}

/** The name of an owner by user id: a dash for nobody, "Former member" for someone who left the workspace. */
export function useOwnerName(workspaceId: string): {
  ownerName: (id: string | null) => string;
  members: ReturnType<typeof useMembers>;
} {
  const members = useMembers(workspaceId);
  const ownerName = (id: string | null) =>
    id === null ? '—' : (members.find((member) => member.user.id === id)?.user.name ?? 'Former member');
  return { ownerName, members };
}

/** A select of the workspace's members for a risk's or RAID item's owner, with the server's error under it. */
export function OwnerField({
  workspaceId,
  value,
  onChange,
  error,
}: {
  workspaceId: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const members = useMembers(workspaceId);
  return (
    <div>
      <SelectField
        label="Owner"
        value={value}
        onChange={onChange}
        options={[
          { value: '', label: 'Nobody yet' },
          ...members.map((member) => ({ value: member.user.id, label: member.user.name })),
        ]}
      />
      {error ? <p className="field__error">{error}</p> : null}
    </div>
  );
}
