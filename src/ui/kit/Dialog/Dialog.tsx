import { useId, useLayoutEffect, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { focusables } from './focusables';

interface DialogProps {
  title: ReactNode;
  onClose(): void;
  /** A Close button next to the title (dialogs whose actions row has no Cancel/Close of its own). */
  closeButton?: boolean;
  className?: string;
  testId?: string;
  children: ReactNode;
}

/** Shift+Tab on the first control goes to the last, Tab on the last to the first: focus never leaves the dialog. */
function wrapTab(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== 'Tab') return;
  const items = focusables(event.currentTarget);
  if (items.length === 0) return;
  const first = items[0];
  const last = items[items.length - 1];
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === event.currentTarget)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

/** A click whose target is the <dialog> itself but lands outside its box was on the ::backdrop. */
function onBackdrop(event: MouseEvent<HTMLDialogElement>, onClose: () => void) {
  if (event.target !== event.currentTarget) return;
  const box = event.currentTarget.getBoundingClientRect();
  const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
  if (!inside) onClose();
}

/**
 * A modal dialog on the native <dialog> with showModal(): the page behind is inert, focus moves to the first
 * control, Escape closes (the browser's own `close` event), and focus returns to whatever opened it.
 * The dialog is open for as long as it is mounted; the parent unmounts it in onClose.
 */
export function Dialog({ title, onClose, closeButton, className, testId, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      data-testid={testId}
      // Escape closes the dialog natively. A close queued by an earlier unmount (React's StrictMode mounts twice)
      // arrives after the dialog reopened: only a dialog that is really closed reports it.
      onClose={(event) => !event.currentTarget.open && onClose()}
      onKeyDown={wrapTab}
      onClick={(event) => onBackdrop(event, onClose)}
    >
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        {closeButton && (
          <button type="button" className="secondary small-button" onClick={onClose}>
            Close
          </button>
        )}
      </div>
      {children}
    </dialog>
  );
}
