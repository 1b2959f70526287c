import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

// A file fetched with the access token (never in a URL) and shown from a blob: URL of this page, freed when the
// page no longer shows it.
export function useBlobUrl(
  key: unknown[],
  fetchBlob: () => Promise<Blob>,
  type: string,
  enabled = true,
): { url?: string; error?: unknown } {
  const file = useQuery({ queryKey: key, queryFn: fetchBlob, staleTime: Infinity, enabled });
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!file.data) return;
    const made = URL.createObjectURL(new Blob([file.data], { type }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [file.data, type]);
  return { url, error: file.error ?? undefined };
}
