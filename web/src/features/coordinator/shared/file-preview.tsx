import { useTranslation } from 'react-i18next';
import { Loading, ProblemNotice } from '../../../components/states';
import { Paragraph } from '../../../components/suomifi';

// Browsers without a PDF viewer get the download link alone rather than an empty box.
const PDF_IN_PAGE = navigator.pdfViewerEnabled !== false;

// A PDF or an image shown in the page, with a link to save it.
export function FilePreview({
  url,
  error,
  mediaType,
  name,
  label,
}: {
  url?: string;
  error?: unknown;
  mediaType: string;
  name: string;
  label: string;
}) {
  const { t } = useTranslation();
  if (error !== undefined) return <ProblemNotice error={error} />;
  if (!url) return <Loading />;
  return (
    <>
      {mediaType === 'application/pdf' ? (
        PDF_IN_PAGE ? (
          <object data={url} type="application/pdf" className="preview-frame" title={label} aria-label={label}>
            <Paragraph>{t('coordinator.preview.noPdfViewer')}</Paragraph>
          </object>
        ) : (
          <Paragraph mb="s">{t('coordinator.preview.noPdfViewer')}</Paragraph>
        )
      ) : (
        <img src={url} alt={label} className="preview-image" />
      )}
      <ul className="link-row">
        <li>
          <a href={url} download={name} className="download-link">
            {t('coordinator.preview.download', { name })}
          </a>
        </li>
      </ul>
    </>
  );
}
