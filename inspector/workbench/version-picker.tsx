import { type MachineVersion, refOf } from '../../machines/machine-version';

/** Picks one of the registered versions by its `name@version`: the workbench's machine, the designer's base. */
export function VersionPicker({
  label,
  ariaLabel,
  versions,
  value,
  onChange,
}: {
  label: string;
  ariaLabel: string;
  versions: readonly MachineVersion[];
  value: string;
  onChange: (ref: string) => void;
}) {
  return (
    <label className="inline">
      {label}{' '}
      <select aria-label={ariaLabel} value={value} onChange={(e) => onChange(e.target.value)}>
        {versions.map((v) => (
          <option key={refOf(v)} value={refOf(v)}>
            {refOf(v)}
          </option>
        ))}
      </select>
    </label>
  );
}
