import { useNotices } from '../state/ui';

/** Page-level notices (a link that could not be read, a lesson that does not exist). */
export function Notices() {
  const notices = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="region" aria-label="Notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'info' ? 'status' : 'alert'} data-testid="notice">
          <p>{n.text}</p>
          <button type="button" onClick={() => dismiss(n.id)} aria-label="Dismiss notice">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
