import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal on the native <dialog>: the browser traps focus, makes the rest inert and closes
 * it on Escape, which a hand-made overlay would have to imitate.
 */
export function ModalDialog({
  title,
  children,
  onClose,
  testId,
  tone,
}: {
  title: string;
  children: ReactNode;
  onClose: () => void;
  testId?: string;
  tone?: 'danger';
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const cancel = (event: Event) => {
      event.preventDefault();
      closeRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={tone ? `modal modal--${tone}` : 'modal'}
      aria-labelledby="modal-title"
      data-testid={testId}
    >
      <h2 className="modal-title" id="modal-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
