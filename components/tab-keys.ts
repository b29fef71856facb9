// The keys of the WAI-ARIA tabs pattern, shared by the sidebar's and the library's tab rows: ← and → move to
// the previous and next tab (wrapping round), Home and End to the first and last; the moved-to tab is shown.

/** The index of the tab a key press moves to, or null when the key is not one of the tab row's. */
export function tabIndexForKey(key: string, index: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
