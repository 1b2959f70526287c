import { useEffect, useRef, useState } from 'react';

// Whether a media query matches the window now, following it as the window or the zoom changes. `beforeChange` is
// called as the query's answer changes, before the page is rendered anew for it (to note where the focus was).
export function useMediaQuery(query: string, beforeChange?: () => void): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  const before = useRef(beforeChange);
  useEffect(() => {
    before.current = beforeChange;
  });
  useEffect(() => {
    const list = window.matchMedia(query);
    const change = () => {
      before.current?.();
      setMatches(list.matches);
    };
    setMatches(list.matches);
    list.addEventListener('change', change);
    return () => list.removeEventListener('change', change);
  }, [query]);
  return matches;
}

// Whether the window is as narrow as a phone's (40 rem): the Suomi.fi components' small-screen variants follow it.
export function useNarrow(): boolean {
  return useMediaQuery('(max-width: 40rem)');
}
