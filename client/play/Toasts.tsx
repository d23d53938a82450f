import type { Notice, NoticeTab } from './notices';

/** The latest notices, each a button that opens the tab it concerns. Announced politely to screen readers. */
export function Toasts({ toasts, dismiss, open }: { toasts: Notice[]; dismiss: (id: string) => void; open: (tab: NoticeTab) => void }) {
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((notice) => (
        <button
          key={notice.id}
          type="button"
          className={`toast toast-${notice.kind}`}
          data-testid="toast"
          onClick={() => {
            open(notice.tab);
            dismiss(notice.id);
          }}
        >
          {notice.text}
        </button>
      ))}
    </div>
  );
}
