const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Checkboxes for the working days of a week (0 Sunday … 6 Saturday), kept in order. */
export function WorkingDaysField({ days, onChange }: { days: number[]; onChange: (days: number[]) => void }) {
  return (
    <fieldset className="row working-days" aria-label="Working days">
      {weekdays.map((label, day) => (
        <label key={label} className="working-days__day">
          <input
            type="checkbox"
            checked={days.includes(day)}
            onChange={(event) =>
              onChange(event.target.checked ? [...days, day].sort() : days.filter((d) => d !== day))
            }
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
