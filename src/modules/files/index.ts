// What files offers other features on purpose (see "Module boundaries" in the README), with FilesModule's providers.
// Credentials, booking's material and fees' receipts store and read their files through the one file store.
export { FilesService } from './files.service';
export type { FileDownload } from './files.service';
// Their controllers take uploads as one multipart form, checked like any body.
export { ApiUploadForm, UploadForm } from './upload-form.decorator';
export type { Upload, UploadedForm } from './upload-form.decorator';
// Their controllers send files the one way (headers, file name, OpenAPI description).
export { ApiFileDownload, binaryContent, SendsFile } from './download.interceptor';
export type { Download } from './download.interceptor';
// The file kinds the store accepts, and the one safe Content-Disposition (contracts' PDF answers it too).
export { MediaType } from './media-type';
export { attachmentDisposition } from './file-name';
