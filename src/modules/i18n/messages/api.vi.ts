/** Interface text in Vietnamese: the read API's page. Same keys as api.en.ts. */
import type { apiEn } from './api.en.js';

export const apiVi: Record<keyof typeof apiEn, string> = {
  'api.title': 'API đọc dữ liệu',
  'api.intro':
    'Các trang web, bảng điều khiển và ứng dụng khác có thể đọc sự kiện, bài viết, chủ đề và chương trình của Văn phòng dưới dạng JSON, bằng tiếng Anh và tiếng Việt, mà không cần đăng nhập.',
  'api.openapiLink': 'Mô tả OpenAPI 3.1 của API (JSON)',
  'api.basics': 'Cách sử dụng',
  'api.basics.base': 'Chỉ có phương thức GET. Mọi địa chỉ dưới đây bắt đầu bằng',
  'api.basics.lang': 'lang=en (mặc định) hoặc lang=vi chọn ngôn ngữ của văn bản. Văn bản chưa được đăng bằng tiếng Việt sẽ được trả bằng tiếng Anh: mỗi văn bản cho biết ngôn ngữ của nó và có phải là bản thay thế đó hay không.',
  'api.basics.visible': 'API chỉ trả đúng những gì khách truy cập đang xem được trên trang: không có bản nháp, bản đang duyệt, hay nội dung hẹn giờ đăng trước thời điểm đăng.',
  'api.basics.paging':
    'Danh sách được trả từng trang (limit, mặc định 20, tối đa 100). Để lấy trang tiếp theo, gửi next_cursor của trang làm cursor với cùng bộ lọc, hoặc theo liên kết next. Con trỏ vẫn dùng được khi có mục được thêm hay bớt phía trước nó.',
  'api.basics.caching':
    'Mỗi câu trả lời có ETag: gửi lại trong If-None-Match thì câu trả lời không đổi sẽ là 304 rỗng. Cache-Control giống các trang của website; câu trả lời thay đổi ngay khi nội dung thay đổi.',
  'api.basics.cors': 'Trang web ở bất kỳ nguồn gốc nào cũng có thể đọc API từ trình duyệt (CORS, không kèm thông tin đăng nhập).',
  'api.basics.errors': 'Lỗi được trả dưới dạng chi tiết sự cố RFC 9457 (application/problem+json), nêu tên từng tham số có vấn đề.',
  'api.endpoints': 'Các điểm truy cập',
  'api.objects': 'Các đối tượng',
  'api.parameters': 'Tham số',
  'api.fields': 'Trường',
  'api.required': 'bắt buộc',
  'api.optional': 'có thể không có',
  'api.problems': 'Sự cố',
  'api.problems.intro': 'Mã của từng sự cố, như trong các trường type và code:',
  'api.problem.invalid_input': '400: tham số mà điểm truy cập không nhận, giá trị không đọc được (ngày, năm, slug), chủ đề hay chương trình không tồn tại, hoặc con trỏ của danh sách khác hay đã bị sửa. Danh sách errors nêu tên từng tham số.',
  'api.problem.not_found': '404: không có địa chỉ này, hoặc không có mục nào khách truy cập xem được có id hay slug này.',
  'api.problem.internal_error': '500: máy chủ không trả lời được. Phần detail có mã tham chiếu để báo cho Văn phòng.',
};
