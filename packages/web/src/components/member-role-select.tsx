/**
 * A member's role as a small labelled select, for the member lists of the workspace and of its products, programs
 * and projects; `roles` are the roles the caller may give.
 */
export function MemberRoleSelect<Role extends string>({
  member,
  value,
  roles,
  labels,
  onChange,
}: {
  member: { id: string; name: string };
  value: Role;
  roles: readonly Role[];
  labels: Record<Role, string>;
  onChange: (role: Role) => void;
}) {
  return (
    <>
      <label className="visually-hidden" htmlFor={`role-${member.id}`}>
        Role of {member.name}
      </label>
      <select
        id={`role-${member.id}`}
        className="select select--small"
        value={value}
        onChange={(event) => onChange(event.target.value as Role)}
      >
        {roles.map((role) => (
          <option key={role} value={role}>
            {labels[role]}
          </option>
        ))}
      </select>
    </>
  );
}
