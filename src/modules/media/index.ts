export { mediaFilesRoutes } from './media.routes.js';
export { mediaAdminRoutes } from './admin/media-admin.routes.js';
export { markdownAdminRoutes } from './admin/markdown-preview.routes.js';
export { MarkdownField, MarkdownPreviewButton, MARKDOWN_PREVIEW_PATH } from './admin/MarkdownField.js';
export { HeroPickerField, MediaPickerField, MEDIA_UPLOAD_PATH } from './admin/MediaPickerField.js';
export { eventAttachmentsPath, mediaItemPath } from './admin/media-admin.views.js';
export { renderMarkdown, renderMarkdownForStorage, plainParagraphsHtml, MARKDOWN_MAX_LENGTH } from './markdown.js';
export { renderMissingText, rerenderAllText } from './rendered-text.js';
export { Picture, MediaFigure, CreditCaption, HeroFigure } from './Picture.js';
export { AttachmentList } from './AttachmentList.js';
export { StoredMarkdown } from './StoredMarkdown.js';
export {
  uploadMedia,
  getMedia,
  updateMediaDetails,
  deleteMedia,
  getMediaUsage,
  listMediaPage,
  listRecentImages,
  loadPicture,
  loadPictures,
  heroFromColumns,
  loadImageChoices,
  heroChoiceProblems,
  loadHeroChoices,
  type HeroFormExtras,
  shareableImage,
  listEventAttachments,
  attachDocument,
  relabelAttachment,
  moveAttachment,
  detachDocument,
  type PictureImage,
  type PictureSource,
  type UploadInput,
  type UploadResult,
  type AttachmentListRow,
  type MediaDeps,
  type MediaActor,
} from './media.service.js';
export { MediaInputError, issueText, formatBytes, creditInputValue, type MediaIssue } from './media.schemas.js';
export { mediaUrl } from './media.storage.js';
export { EVENT_ATTACHMENT_ORDER, eventAttachmentsColumn, heroColumns } from './media.repository.js';
export { parseCredit, formatCredit, type PhotoCredit } from './photo-credit.js';
