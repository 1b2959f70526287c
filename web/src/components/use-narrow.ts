import { useEffect, useState } from 'react';

// Whether a media query matches the window now, following it as the window or the zoom changes.
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const change = () => setMatches(list.matches);
    change();
    list.addEventListener('change', change);
    return () => list.removeEventListener('change', change);
  }, [query]);
  return matches;
}

// Whether the window is as narrow as a phone's (40 rem): the Suomi.fi components' small-screen variants follow it.
export function useNarrow(): boolean {
  return useMediaQuery('(max-width: 40rem)');
}
