/** Downloads a machine definition as `<name>@<version>.json`. */
import type { MachineDefinition } from '../../machines/definition';

export function downloadDefinition(definition: MachineDefinition): void {
  const blob = new Blob([`${JSON.stringify(definition, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${definition.machine}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
