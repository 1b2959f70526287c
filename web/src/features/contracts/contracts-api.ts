import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, call } from '../../api/client';
import { lookAgainWhile } from '../../api/look-again';
import type { components } from '../../api/schema';

export type Contract = components['schemas']['ContractResponse'];

export function useContracts() {
  return useQuery({ queryKey: ['contracts'], queryFn: () => call(api.GET('/api/contracts')) });
}

export function useContract(id: string) {
  return useQuery({
    queryKey: ['contracts', id],
    queryFn: () => call(api.GET('/api/contracts/{id}', { params: { path: { id } } })),
    // Just approved or signed: the worker renders the PDF or the signed copy in a moment; look again until it is
    // there, soon at first.
    refetchInterval: (query) => {
      const data = query.state.data;
      const waiting =
        (data?.status === 'approved' && !data.pdfSha256) || (data?.status === 'signed' && !data.signedCopyReady);
      return lookAgainWhile(query, waiting, 2000);
    },
  });
}

// The PDF fetched with the access token (never in a URL) and shown from a blob: URL of this page: the signed copy
// (the approved document with its signature page) once the worker has made it, the approved document before.
export function usePdfUrl(contract: Contract): { url?: string; error?: unknown } {
  const { id } = contract;
  const signed = contract.signedCopyReady && contract.signedCopySha256 !== null;
  const hash = signed ? contract.signedCopySha256 : contract.pdfSha256;
  const pdf = useQuery({
    queryKey: ['contracts', id, signed ? 'signed-pdf' : 'pdf', hash],
    enabled: hash !== null,
    staleTime: Infinity,
    queryFn: () =>
      (signed
        ? call(api.GET('/api/contracts/{id}/signed-pdf', { params: { path: { id } }, parseAs: 'blob' }))
        : call(
            api.GET('/api/contracts/{id}/pdf', { params: { path: { id }, query: {} }, parseAs: 'blob' }),
          )) as Promise<Blob>,
  });
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!pdf.data) return;
    const made = URL.createObjectURL(new Blob([pdf.data], { type: 'application/pdf' }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [pdf.data]);
  return { url, error: pdf.error ?? undefined };
}

export function useSign(contract: Contract) {
  const client = useQueryClient();
  return {
    // The hash of the PDF shown: the API refuses the signature if the stored PDF is another.
    send: (password: string) =>
      call(
        api.POST('/api/contracts/{id}/sign', {
          params: { path: { id: contract.id } },
          body: { password, ...(contract.pdfSha256 ? { pdfSha256: contract.pdfSha256 } : {}) },
        }),
      ),
    done: (signed: Contract) => {
      client.setQueryData(['contracts', contract.id], signed);
      void client.invalidateQueries();
    },
  };
}
