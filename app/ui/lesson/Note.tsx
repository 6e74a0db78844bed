import type { ReactNode } from 'react';

/** An aside: a tip, a caution, or a deeper remark the reader may skip. */
export function Note({ kind = 'tip', title, children }: { kind?: 'tip' | 'caution' | 'deeper'; title?: string; children: ReactNode }) {
  const heading = title ?? { tip: 'Tip', caution: 'Careful', deeper: 'Going deeper' }[kind];
  return (
    <aside className={`note note-${kind}`} aria-label={heading}>
      <p className="note-title">{heading}</p>
      {children}
    </aside>
  );
}

/** The lesson's key points, at its end. */
export function Recap({ children }: { children: ReactNode }) {
  return (
    <section className="recap" aria-labelledby="recap-title">
      <h2 id="recap-title">Recap</h2>
      {children}
    </section>
  );
}
