import { Icons } from '../../../components/icons';

/** Edits custom fields as rows of key and value; an empty key drops its row on save. */
export function CustomFieldsEditor({
  rows,
  onChange,
}: {
  rows: { key: string; value: string }[];
  onChange: (rows: { key: string; value: string }[]) => void;
}) {
  const set = (index: number, patch: Partial<{ key: string; value: string }>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div className="stack-sm">
      <span className="field__label">Custom fields</span>
      {rows.length > 0 ? (
        <div className="custom-fields">
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no identity of their own
            <div key={index} style={{ display: 'contents' }}>
              <input
                className="input"
                aria-label={`Field ${index + 1} name`}
                placeholder="Name"
                value={row.key}
                onChange={(event) => set(index, { key: event.target.value })}
              />
              <input
                className="input"
                aria-label={`Field ${index + 1} value`}
                placeholder="Value"
                value={row.value}
                onChange={(event) => set(index, { value: event.target.value })}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove field ${row.key || index + 1}`}
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
              >
                <Icons.close width={14} height={14} />
              </button>
            </div>
          ))}
        </div>
      ) : null}
      <div>
        <button
          type="button"
          className="button button--small"
          onClick={() => onChange([...rows, { key: '', value: '' }])}
        >
          <Icons.plus width={12} height={12} /> Add field
        </button>
      </div>
    </div>
  );
}
