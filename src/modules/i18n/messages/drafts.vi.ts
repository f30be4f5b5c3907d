/** Interface text in Vietnamese: unsaved changes kept while an editor types, and publishing the Vietnamese text with the item. Same keys as drafts.en.ts. */
import type { draftsEn } from './drafts.en.js';

export const draftsVi: Record<keyof typeof draftsEn, string> = {
  'editing.autosave.offer': 'Bạn có thay đổi chưa lưu từ {when}.',
  'editing.autosave.stale': 'Sau đó, {name} đã lưu mục này ({when}). Nếu bạn khôi phục thay đổi của mình rồi lưu, bạn sẽ thấy hai phiên bản cạnh nhau để chọn.',
  'editing.autosave.restore': 'Khôi phục',
  'editing.autosave.discard': 'Bỏ đi',
  'editing.autosave.restored': 'Các thay đổi chưa lưu của bạn từ {when} đã được đưa lại vào biểu mẫu bên dưới. Chúng chưa được lưu: hãy chọn Lưu để giữ lại.',
  'editing.autosave.nothingToRestore': 'Không còn thay đổi chưa lưu nào để khôi phục: chúng đã được lưu hoặc bỏ đi trong lúc đó.',
  'editing.done.discarded': 'Đã bỏ các thay đổi chưa lưu của bạn.',
  'editing.autosave.statusSaved': 'Đã tự động lưu lúc {time}',
  'editing.autosave.statusFailed': 'Chưa tự động lưu được: không kết nối được với trang. Nội dung bạn gõ vẫn còn đây; hãy lưu khi có thể.',
  'editing.autosave.statusRefused': 'Chưa tự động lưu được: có một trường quá dài. Hãy rút ngắn rồi lưu.',

  'editing.publishBoth.title': 'Đăng cả bản tiếng Việt?',
  'editing.publishBoth.explain': 'Bản tiếng Việt của “{title}” đã được điền nhưng vẫn là bản nháp: người xem trang tiếng Việt sẽ đọc bản tiếng Anh thay vào đó. Đăng cả bản tiếng Việt?',
  'editing.publishBoth.viTitle': 'Tiêu đề tiếng Việt:',
  'editing.publishBoth.when': 'Mục này sẽ được đăng vào {when} ({zone}).',
  'editing.publishBoth.both': 'Đăng cả hai',
  'editing.publishBoth.englishOnly': 'Chỉ đăng tiếng Anh',
  'editing.publishBoth.scheduleBoth': 'Lên lịch cả hai',
  'editing.publishBoth.scheduleEnglishOnly': 'Chỉ lên lịch tiếng Anh',
  'editing.publishBoth.back': 'Quay lại biểu mẫu, chưa đăng',
};
