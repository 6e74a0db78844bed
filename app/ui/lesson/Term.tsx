/**
 * A glossary term: hovering, focusing or tapping it shows its definition. Escape hides it again.
 */
import { useId, useState, type ReactNode } from 'react';
import { glossary, type GlossaryId } from '../../lessons/glossary';

export function Term({ id, children }: { id: GlossaryId; children: ReactNode }) {
  const tipId = useId();
  const [open, setOpen] = useState(false);
  return (
    <span className="term-wrap" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        className="term"
        aria-describedby={tipId}
        aria-expanded={open}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        {children}
      </button>
      <span role="tooltip" id={tipId} className="term-tip" hidden={!open}>
        {glossary[id]}
      </span>
    </span>
  );
}
