/** Interface text in Vietnamese: the same keys as en.ts (the type enforces it). */
import type { Messages } from './en.js';
import { adminVi } from './admin.vi.js';
import { editingVi } from './editing.vi.js';
import { mediaVi } from './media.vi.js';
import { discoveryVi } from './discovery.vi.js';
import { mailVi } from './mail.vi.js';
import { subscriptionsVi } from './subscriptions.vi.js';
import { apiVi } from './api.vi.js';
import { seriesVi } from './series.vi.js';
import { draftsVi } from './drafts.vi.js';

export const vi: Messages = {
  'site.skipLink': 'Chuyển đến nội dung chính',
  'site.navLabel': 'Điều hướng chính',
  /** This language's name in itself, for the language switcher. */
  'language.name': 'Tiếng Việt',
  'site.languageLabel': 'Ngôn ngữ',
  'site.footer': 'Nội dung © Tổ chức Lao động Quốc tế. Xuất bản bằng Almanac.',
  'nav.home': 'Trang chủ',
  'nav.events': 'Sự kiện và cuộc họp',
  'nav.articles': 'Bài viết nổi bật',

  'home.title': 'Tin tức và sự kiện',
  'home.description': 'Các sự kiện và cuộc họp do {site} tổ chức hoặc tham gia, cùng các bài viết chuyên đề, bằng tiếng Anh và tiếng Việt.',
  'home.happeningNow': 'Đang diễn ra',
  'home.comingUp': 'Sắp diễn ra',
  'home.nothingComingUp': 'Chưa có sự kiện sắp tới nào được công bố.',
  'home.recentEvents': 'Sự kiện gần đây',
  'home.latestArticles': 'Bài viết nổi bật mới nhất',
  'home.allEvents': 'Tất cả sự kiện và cuộc họp',
  'home.allArticles': 'Tất cả bài viết nổi bật',

  'events.title': 'Sự kiện và cuộc họp',
  'events.queries': 'Mọi thắc mắc xin gửi đến văn phòng qua {email}.',
  'events.queriesLinkText': 'thư điện tử',
  'events.upcoming': 'Sắp diễn ra',
  'events.past': 'Sự kiện đã qua',
  'events.noUpcoming': 'Chưa có sự kiện sắp tới nào được công bố.',
  'events.noEvents': 'Chưa có sự kiện nào được đăng.',
  'events.pageTitle': 'Sự kiện và cuộc họp, trang {page}',

  'event.date': 'Ngày',
  'event.time': 'Thời gian',
  'event.type': 'Loại',
  'event.location': 'Địa điểm',
  'event.online': 'Trực tuyến',
  'event.onlineAndInPerson': 'Trực tuyến và trực tiếp',
  'event.register': 'Đăng ký tham dự sự kiện',
  'event.contact': 'Liên hệ',
  'event.programmes': 'Chương trình và dự án',
  'event.topics': 'Chủ đề',
  'event.cancelled': 'Sự kiện này đã bị hủy.',
  'event.postponedShort': 'Sự kiện này đã được hoãn lại.',
  'event.postponed': 'Sự kiện này đã được hoãn lại. Ngày mới sẽ được thông báo sau.',
  'event.query': 'Gửi câu hỏi về sự kiện này đến văn phòng',
  'event.backToList': 'Tất cả sự kiện và cuộc họp',
  'event.metaDescription': '{title}: sự kiện của {site}, {dates}.',

  'eventType.meeting': 'Cuộc họp',
  'eventType.workshop': 'Hội thảo',
  'eventType.webinar': 'Hội thảo trực tuyến',
  'eventType.consultation': 'Tham vấn',
  'eventType.training': 'Tập huấn',
  'eventType.launch': 'Ra mắt',
  'eventType.study_visit': 'Chuyến học tập',
  'eventType.survey': 'Khảo sát',
  'eventType.other': 'Sự kiện',

  'articles.title': 'Bài viết nổi bật',
  'articles.noArticles': 'Chưa có bài viết nào được đăng.',
  'articles.pageTitle': 'Bài viết nổi bật, trang {page}',
  'article.published': 'Ngày đăng',
  'article.backToList': 'Tất cả bài viết nổi bật',
  'article.metaDescription': '{title}: bài viết chuyên đề của {site}, {date}.',
  'article.bylineBy': 'Bài viết của {author}',
  'article.bylineOpEd': 'Bài bình luận của {author}',
  'article.photoCredit': 'Ảnh',

  'translation.untranslatedItem': 'Chưa được dịch',
  'translation.untranslatedPage': 'Trang này chưa được dịch sang tiếng Việt. Nội dung dưới đây là bản tiếng Anh.',

  'pager.label': 'Trang',
  'pager.previous': 'Trang trước',
  'pager.next': 'Trang sau',
  'pager.status': 'Trang {page} / {pages}',

  'error.notFoundTitle': 'Không tìm thấy trang',
  'error.notFoundBody': 'Chúng tôi không tìm thấy trang bạn yêu cầu. Trang có thể đã được chuyển đi hoặc địa chỉ bị gõ sai.',
  'error.badRequestTitle': 'Không thể hiểu yêu cầu này',
  'error.serverTitle': 'Đã xảy ra lỗi',
  'error.serverBody': 'Hiện trang web không thể hiển thị trang này. Vui lòng thử lại sau ít phút.',
  'error.badAddress': 'Địa chỉ của trang này không hợp lệ.',
  'error.addressTooLong': 'Địa chỉ của trang này quá dài.',
  'error.badRequest': 'Không thể hiểu yêu cầu này.',
  'error.formIncomplete': 'Biểu mẫu gửi đến chưa đầy đủ nên chưa có gì được lưu. Vui lòng gửi lại.',
  'error.formTooLarge': 'Biểu mẫu này có nhiều trường hoặc tệp hơn mức cho phép. Hãy gửi từng tệp một, kèm phần mô tả.',
  'error.pageNumber': 'Số trang phải là số nguyên, từ 1 trở lên.',
  'error.pageTooLarge': 'Không có trang nào mang số lớn như vậy.',
  'error.languageChoice': 'Hãy chọn tiếng Anh (en) hoặc tiếng Việt (vi).',
  'error.reference': 'Mã tham chiếu: {id}',
  'error.goHome': 'Về trang chủ',
  ...adminVi,
  ...editingVi,
  ...mediaVi,
  ...discoveryVi,
  ...mailVi,
  ...subscriptionsVi,
  ...apiVi,
  ...seriesVi,
  ...draftsVi,
};
