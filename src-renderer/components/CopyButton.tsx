import { useState } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { Icon } from './Icon';

/** Copies a text (a path, a chain head) to the clipboard; absent where the window has no clipboard. */
export function CopyButton({ text, label, testId }: { text: string; label: MessageKey; testId?: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  if (!navigator.clipboard) return null;
  return (
    <button
      type="button"
      className="btn btn-secondary btn-small"
      data-testid={testId}
      onClick={() => {
        void navigator.clipboard.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        );
      }}
    >
      <Icon name={copied ? 'check' : 'copy'} size={15} />
      {t(label)}
    </button>
  );
}
