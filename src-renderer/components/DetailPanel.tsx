import { useEffect, useRef, type ReactNode } from 'react';
import { Icon } from './Icon';

/**
 * A panel opened beside a table for one of its rows. Its heading takes the focus when it opens
 * (and when it turns to another row), so that a screen reader says what opened; Escape closes
 * it; its body is focusable, so that a keyboard can scroll a long content.
 */
export function DetailPanel({
  className,
  titleId,
  testId,
  focusKey,
  eyebrow,
  title,
  closeLabel,
  closeTestId,
  onClose,
  children,
}: {
  /** Extra classes beside "detail-panel detail-panel--wide". */
  className?: string;
  titleId: string;
  testId: string;
  /** What the panel shows (a participant's code): the heading takes the focus again when it changes. */
  focusKey: string;
  eyebrow: ReactNode;
  title: ReactNode;
  closeLabel: string;
  closeTestId: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, [focusKey]);

  return (
    <section
      className={`detail-panel detail-panel--wide${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="detail-header">
        <div className="detail-heading">
          <p className="detail-eyebrow">{eyebrow}</p>
          <h2 className="detail-title" id={titleId} tabIndex={-1} ref={headingRef}>
            {title}
          </h2>
        </div>
        <button type="button" className="btn-icon" onClick={onClose} aria-label={closeLabel} data-testid={closeTestId}>
          <Icon name="close" size={18} />
        </button>
      </div>
      <div className="detail-body" tabIndex={0}>
        {children}
      </div>
    </section>
  );
}
