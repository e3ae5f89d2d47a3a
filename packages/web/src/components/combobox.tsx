import { type ReactNode, useEffect, useId, useState } from 'react';
import './combobox.css';

/** The most the list is tall, as `combobox.css` sets it, plus its gap to the input. */
const popupHeight = 296;

/** One choice of a combobox's list. */
export interface ComboboxOption {
  id: string;
  label: string;
  /** Shown muted at the end of the row, e.g. a status. */
  hint?: string;
}

/**
 * A text input that opens a list of choices to pick from as you type (the WAI-ARIA combobox pattern: arrow keys move,
 * Enter picks, Escape closes, the mouse works too). The caller finds the choices for what is typed, usually by asking
 * the server, so a list of thousands is never loaded. Closed, the input shows the chosen choice's label.
 * @example <Combobox label="Feature" selectedLabel={title} search={q} onSearchChange={setQ} options={found} onSelect={pick} />
 */
export function Combobox({
  label,
  hideLabel = false,
  selectedLabel,
  selectedId = null,
  placeholder,
  search,
  onSearchChange,
  options,
  before = [],
  after = [],
  loading,
  emptyText,
  onSelect,
  onOpenChange,
  disabled = false,
  hint,
}: {
  label: string;
  /** Names the input for screen readers only, where the surroundings already say what it is. */
  hideLabel?: boolean;
  /** The label of the current choice, shown while the list is closed; empty shows the placeholder. */
  selectedLabel: string;
  /** The id of the current choice, under the keyboard when the list opens. */
  selectedId?: string | null;
  placeholder?: string;
  search: string;
  onSearchChange: (search: string) => void;
  /** The choices matching `search`. */
  options: readonly ComboboxOption[];
  /** Fixed choices listed above the matches whatever is typed, such as "None". */
  before?: readonly ComboboxOption[];
  /** Fixed choices listed below the matches whatever is typed, such as "New feature…". */
  after?: readonly ComboboxOption[];
  /** The matches are being looked for: the list says so rather than "no match". */
  loading: boolean;
  /** What the list says when nothing matches. */
  emptyText: string;
  onSelect: (option: ComboboxOption) => void;
  onOpenChange?: (open: boolean) => void;
  disabled?: boolean;
  hint?: ReactNode;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpenState] = useState(false);
  const [active, setActive] = useState(0);
  const [upward, setUpward] = useState(false);
  const all = [...before, ...options, ...after];
  const activeOption = open ? all[Math.min(active, all.length - 1)] : undefined;
  const optionId = (index: number) => `${id}-option-${index}`;

  const setOpen = (next: boolean, input?: HTMLInputElement) => {
    if (next === open) return;
    if (next && input) {
      // Near the bottom of the window (a field low in a side panel), the list opens above the input, not off screen.
      const box = input.getBoundingClientRect();
      setUpward(window.innerHeight - box.bottom < popupHeight && box.top > window.innerHeight - box.bottom);
    }
    setOpenState(next);
    onOpenChange?.(next);
    if (!next) onSearchChange('');
  };
  // New matches put the first one under the keyboard, as every search list does, skipping the fixed choices above;
  // with nothing typed, the current choice is. Keyed on the ids, as the caller builds a new array on every render.
  const matchKey = options.map((option) => option.id).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: opening, new matches or a new search are the triggers.
  useEffect(() => {
    const current = all.findIndex((option) => option.id === selectedId);
    setActive(search.trim() !== '' ? before.length : Math.max(current, 0));
  }, [matchKey, search, open]);
  useEffect(() => {
    if (!open || !activeOption) return;
    document.getElementById(optionId(all.indexOf(activeOption)))?.scrollIntoView({ block: 'nearest' });
  });

  const pick = (option: ComboboxOption) => {
    setOpen(false);
    onSelect(option);
  };
  const move = (step: number, input: HTMLInputElement) => {
    if (!open) return setOpen(true, input);
    if (all.length > 0) setActive((old) => (Math.min(old, all.length - 1) + step + all.length) % all.length);
  };

  const row = (option: ComboboxOption, index: number) => (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard picks through the input's aria-activedescendant.
    <div
      key={option.id}
      tabIndex={-1}
      id={optionId(index)}
      className="combobox__option"
      role="option"
      aria-selected={option === activeOption}
      onClick={() => pick(option)}
      onMouseMove={() => setActive(index)}
    >
      <span className="combobox__label">{option.label}</span>
      {option.hint ? <span className="combobox__hint">{option.hint}</span> : null}
    </div>
  );

  return (
    <div className="field combobox">
      <label className={hideLabel ? 'visually-hidden' : 'field__label'} htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        // `select` draws the chevron of a select: the field opens a list.
        className="input select combobox__input"
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption ? optionId(all.indexOf(activeOption)) : undefined}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        placeholder={open && selectedLabel !== '' ? selectedLabel : placeholder}
        value={open ? search : selectedLabel}
        onChange={(event) => {
          setOpen(true, event.currentTarget);
          onSearchChange(event.target.value);
        }}
        onClick={(event) => setOpen(true, event.currentTarget)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          switch (event.key) {
            case 'ArrowDown':
              event.preventDefault();
              move(1, event.currentTarget);
              break;
            case 'ArrowUp':
              event.preventDefault();
              move(-1, event.currentTarget);
              break;
            case 'Enter':
              // Enter on a closed combobox submits the form around it, as in any text field.
              if (open) {
                event.preventDefault();
                // While matches for the latest keys are on their way, the highlighted row is an answer to older ones.
                if (activeOption && !loading) pick(activeOption);
              }
              break;
            case 'Escape':
              if (open) {
                // Closing the list must not also close the drawer or dialog the combobox sits in.
                event.preventDefault();
                event.stopPropagation();
                setOpen(false);
              }
              break;
          }
        }}
      />
      {/* biome-ignore lint/a11y/noStaticElementInteractions: only stops a mouse press from taking the focus from the input. */}
      <div
        className={upward ? 'combobox__popup combobox__popup--up' : 'combobox__popup'}
        hidden={!open}
        // The focus stays in the input while a click picks, so its blur does not close the list first.
        onMouseDown={(event) => event.preventDefault()}
      >
        {/* Outside the listbox, whose children may only be options; announced as it changes. */}
        <div className="combobox__status" aria-live="polite" hidden={options.length > 0}>
          {options.length > 0 ? '' : loading ? 'Searching…' : emptyText}
        </div>
        <div id={listId} className="combobox__list" role="listbox" aria-label={label} aria-busy={loading}>
          {all.map(row)}
        </div>
      </div>
      {hint ? <span className="field__hint">{hint}</span> : null}
    </div>
  );
}
