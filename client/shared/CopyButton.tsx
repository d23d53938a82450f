import { useState } from 'react';

/** Copies `text` to the clipboard and says so, also to screen readers. `label` names what is copied. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
    window.setTimeout(() => setCopied(null), 2000);
  }
  return (
    <>
      <button type="button" className="secondary small" onClick={copy} aria-label={`Copy ${label}`}>
        {copied === 'yes' ? 'Copied' : copied === 'no' ? 'Copy failed' : 'Copy'}
      </button>
      <span className="sr-only" role="status">
        {copied === 'yes' ? `Copied ${label}.` : copied === 'no' ? `Could not copy ${label}: select the link and copy it.` : ''}
      </span>
    </>
  );
}
