import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Combobox, type ComboboxOption } from '../../../components/combobox';
import { useDebounced } from '../../../lib/use-debounced';
import { featureKeys, featuresApi } from './features-api';

/**
 * A searching picker of a product's features: it asks the server for the features whose titles hold what is typed (a
 * page of matches, never the whole list) and shows the chosen feature's title, looked up by id when no search found it.
 * `before` and `after` add fixed choices such as "None" or "New feature…"; `value` is a feature id, a fixed choice's id
 * or null for nothing chosen yet.
 * @example <FeaturePicker productId={id} label="Feature" value={featureId} onChange={setFeatureId} />
 */
export function FeaturePicker({
  productId,
  label,
  hideLabel,
  value,
  onChange,
  before = [],
  after = [],
  exclude,
  placeholder = 'Search features…',
  disabled,
}: {
  productId: string;
  label: string;
  hideLabel?: boolean;
  value: string | null;
  onChange: (id: string, option: ComboboxOption) => void;
  before?: readonly ComboboxOption[];
  after?: readonly ComboboxOption[];
  /** Features not to offer, such as those already linked. */
  exclude?: ReadonlySet<string>;
  placeholder?: string;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 200);
  const found = useQuery({
    queryKey: featureKeys.search(productId, q),
    queryFn: () => featuresApi.search(productId, q),
    enabled: open,
    placeholderData: keepPreviousData,
  });
  const fixed = [...before, ...after].find((option) => option.id === value);
  const isFeature = value !== null && fixed === undefined;
  const inResults = found.data?.items.find((feature) => feature.id === value);
  const chosen = useQuery({
    queryKey: featureKeys.one(value ?? ''),
    queryFn: () => featuresApi.get(value ?? ''),
    enabled: isFeature && inResults === undefined,
    staleTime: 60_000,
  });
  const selectedLabel =
    fixed?.label ??
    (isFeature ? (inResults?.title ?? chosen.data?.title ?? (chosen.isPending ? '…' : value)) : '');
  const options = (found.data?.items ?? [])
    .filter((feature) => !exclude?.has(feature.id))
    .map((feature) => ({ id: feature.id, label: feature.title, hint: feature.status.replace(/_/g, ' ') }));
  return (
    <Combobox
      label={label}
      {...(hideLabel ? { hideLabel } : {})}
      {...(disabled ? { disabled } : {})}
      selectedLabel={selectedLabel}
      selectedId={value}
      placeholder={placeholder}
      search={search}
      onSearchChange={setSearch}
      onOpenChange={setOpen}
      options={options}
      before={before}
      after={after}
      loading={found.isFetching || q !== search.trim()}
      emptyText={q === '' ? 'No features yet' : 'No feature matches'}
      onSelect={(option) => onChange(option.id, option)}
    />
  );
}
