// A note the reader is writing: it saves while they type (after a short pause), when the field loses focus,
// and when the page is hidden or closed, never only on blur. The draft keeps the stamp of the note it started
// from, so a save over a note that changed meanwhile (another device, another tab) becomes a conflict the
// reader resolves instead of a silent overwrite; a state push never resets what they are typing.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { Stamp } from '../records/stamp';

/** Pause after the last keystroke before the note is saved. */
export const NOTE_SAVE_DELAY_MS = 800;

/** Saves `text` as a version of the note stamped `base`; resolves to the stamp of the saved note, or null when the save failed. */
export type SaveNote = (text: string, base: Stamp | null) => Promise<Stamp | null>;

export function useNoteDraft(value: string, stamp: Stamp | null, save: SaveNote) {
  const [draft, setDraft] = useState(value);
  const text = useRef(value);
  const dirty = useRef(false);
  const base = useRef(stamp);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;

  // While the reader is not typing, the field follows the stored note (and its stamp).
  useEffect(() => {
    if (dirty.current) return;
    text.current = value;
    base.current = stamp;
    setDraft(value);
  }, [value, stamp]);

  const flush = () => {
    clearTimeout(timer.current);
    if (!dirty.current) return;
    dirty.current = false;
    void saveRef.current(text.current, base.current).then((saved) => {
      if (saved) base.current = saved;
      // A failed save keeps the draft: it is tried again at the next pause, blur or hide.
      else dirty.current = true;
    });
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;

  useEffect(() => {
    const onHidden = () => document.visibilityState === 'hidden' && flushRef.current();
    const onPageHide = () => flushRef.current();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      flushRef.current();
    };
  }, []);

  const edit = (next: string) => {
    text.current = next;
    setDraft(next);
    dirty.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => flushRef.current(), NOTE_SAVE_DELAY_MS);
  };
  return { draft, edit, flush };
}
