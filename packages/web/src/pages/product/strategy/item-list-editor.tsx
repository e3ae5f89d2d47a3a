import { Icons } from '../../../components/icons';

/** One editable field of a list item: its key, label and whether it is a long text. */
export interface ItemField<T> {
  key: keyof T & string;
  label: string;
  long?: boolean;
}

/** Edits a list of small records (personas, competitors) as cards of fields, with add and remove. */
export function ItemListEditor<T extends { [K in keyof T]: string }>({
  label,
  items,
  fields,
  blank,
  onChange,
}: {
  label: string;
  items: T[];
  fields: readonly ItemField<T>[];
  blank: T;
  onChange: (items: T[]) => void;
}) {
  const set = (index: number, key: keyof T, value: string) =>
    onChange(items.map((item, i) => (i === index ? { ...item, [key]: value } : item)));
  return (
    <div className="stack-sm">
      <div className="strategy-cards">
        {items.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items are edited in place and have no id of their own
          <div key={index} className="strategy-item">
            {fields.map((field) =>
              field.long ? (
                <textarea
                  key={field.key}
                  className="textarea"
                  rows={2}
                  aria-label={`${label} ${index + 1} ${field.label}`}
                  placeholder={field.label}
                  value={item[field.key]}
                  onChange={(event) => set(index, field.key, event.target.value)}
                />
              ) : (
                <input
                  key={field.key}
                  className="input"
                  aria-label={`${label} ${index + 1} ${field.label}`}
                  placeholder={field.label}
                  value={item[field.key]}
                  onChange={(event) => set(index, field.key, event.target.value)}
                />
              ),
            )}
            <div>
              <button
                type="button"
                className="button button--small button--ghost"
                onClick={() => onChange(items.filter((_, i) => i !== index))}
              >
                <Icons.close width={12} height={12} /> Remove
              </button>
            </div>
          </div>
        ))}
      </div>
      <div>
        <button
          type="button"
          className="button button--small"
          onClick={() => onChange([...items, { ...blank }])}
        >
          <Icons.plus width={12} height={12} /> Add {label.toLowerCase()}
        </button>
      </div>
    </div>
  );
}
