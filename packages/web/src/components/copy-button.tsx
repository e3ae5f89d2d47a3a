import { useState } from 'react';
import { Icons } from './icons';

/** Copies a text to the clipboard and says so for two seconds. */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="button button--small"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        } catch {
          // Insecure origins have no clipboard; the text stays selectable on screen.
        }
      }}
    >
      {copied ? <Icons.check /> : <Icons.copy />}
      {copied ? 'Copied' : label}
    </button>
  );
}
